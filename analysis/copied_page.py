"""Recover an article from text copied off a web page: metadata, body, and dropped furniture.

Interim version: every non-blank line is a body paragraph. See issue 2 for the full parser.
"""

from __future__ import annotations


def parse_page_text(text: str, known: dict | None = None) -> dict:
    """Split cleaned page text into metadata, body and removed lines."""
    lines = [line for line in text.split("\n") if line.strip()]
    return {
        "outlet": "", "headline": "", "authors": [], "author_roles": [], "published": "",
        "read_time_min": None, "tags": [], "url": "", "language": "",
        "body": "\n\n".join(lines), "removed": [],
    }
