"""Score analysis.quotes against PolNeAR (dev) and the bundled GUM news quotations.

Usage:
    python benchmarks/eval_quotes.py [--polnear DIR] [--split dev|train] [--gum DIR]
                                     [--errors KIND [--limit N]]

``--errors`` lists scoring errors of one kind (``direct-missed``, ``direct-extra``, ``speaker``,
``indirect-missed``, ``indirect-wrong``), a fixed random sample of ``--limit`` of them; it works
on the train split only, so that rules are never written from dev errors.

``--polnear`` defaults to ../shared/data/research-only/polnear (research use only: read here,
never copied into the project); when it is missing the PolNeAR part prints "skipped: data not
found". ``--gum`` defaults to the bundled data/external/gum-wikinews-quotes/xml.

Units and matching (issue 3):

* **Direct quotes.** A unit is one quoted fragment (the text between a pair of double quote
  marks; each fragment of a split quote counts once). Gold fragments are those lying at least
  50% inside an annotated attribution's content. Predicted fragments are the ``direct`` rows and
  the quoted stretches inside ``mixed`` rows. Recall: gold fragments covered >= 80% by one
  predicted fragment. Precision: predicted fragments lying >= 50% inside some attribution's
  content.
* **Quote + speaker.** As above, and the predicted speaker mention overlaps the attribution's
  annotated source span (or the canonical speaker shares a capitalised name with it).
* **Indirect.** Gold: attributions whose content has no quote mark. Predicted: ``indirect``
  rows, each matched to the gold attribution whose content it overlaps most. Source: a matched
  row whose speaker matches the gold source (as above). Content: token-level precision/recall
  of the predicted content tokens against the gold content tokens.

GUM has no speakers: there, ``<quote>`` elements with quote marks are the gold quotations for
recall (precision counts a prediction inside any ``<quote>``, GUM splits quotes by sentence), and
``<q>`` elements (titles, scare quotes, mentions) must not be predicted.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
import time
from pathlib import Path

from analysis.quotes import extract_quotes
from analysis.segment import segment

REPO = Path(__file__).resolve().parents[1]
POLNEAR = REPO / ".." / "shared" / "data" / "research-only" / "polnear"
GUM_XML = REPO / "data" / "external" / "gum-wikinews-quotes" / "xml"
_QUOTED = re.compile(r"(?:[“\"]|'')([^“”\"\n]+?)(?:[”\"]|''|$)", re.MULTILINE)
_WORD = re.compile(r"\w+")
_NAME = re.compile(r"\b[A-Z][\w’'.-]+")
ERROR_KINDS = ("direct-missed", "direct-extra", "speaker", "indirect-missed", "indirect-wrong")


# --- reading gold ---------------------------------------------------------------------------

def read_ann(path: Path) -> list[dict]:
    """Attributions of one brat ``.ann`` file: ``source``, ``cue``, ``content`` lists of spans."""
    spans: dict[str, tuple[str, list[tuple[int, int]]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, ranges = fields[1].partition(" ")
            spans[fields[0]] = (label, [tuple(map(int, r.split())) for r in ranges.split(";")])
        elif line.startswith("E") and len(fields) >= 2:
            events.append(dict(arg.split(":", 1) for arg in fields[1].split()[1:]))
    attributions = []
    for event in events:
        roles = {role.lower(): spans[ref][1] for role, ref in event.items() if ref in spans}
        attributions.append({role: roles.get(role, []) for role in ("source", "cue", "content")})
    return attributions


def polnear_articles(root: Path, split: str):
    """Yield ``(name, text, attributions)`` for each annotated article of a PolNeAR split."""
    folder = root / "data" / split
    for ann in sorted((folder / "attributions").glob("*.ann")):
        name = ann.stem.rsplit("_", 1)[0]
        text_path = folder / "text" / f"{name}.txt"
        if text_path.exists():
            yield name, text_path.read_text(encoding="utf-8"), read_ann(ann)


def read_gum(path: Path) -> tuple[str, list[tuple[int, int, str]]]:
    """Rebuild a GUM ``xml`` document as text; returns it and its ``(start, end, tag)`` quote spans.

    ``tag`` is ``quote`` (a quotation) or ``q`` (a title, scare quote or mention). Tokens are
    joined with spaces except before closing punctuation and inside quote marks.
    """
    text, stack, spans, opening = "", [], [], False
    no_space_before = {",", ".", ";", ":", "!", "?", ")", "]", "%", "n't", "'s", "’s", "'re", "'ve", "'ll", "'d", "'m"}
    for line in path.read_text(encoding="utf-8").splitlines():
        tag = re.match(r"<(/?)(\w+)", line)
        if tag:
            closing, name = tag.groups()
            if name in {"p", "head", "list", "item", "sp"} and not closing and text:
                text = text.rstrip() + "\n\n"
            elif name in {"q", "quote"}:
                if closing and stack:
                    spans.append((stack.pop(), len(text.rstrip()), name))
                elif not closing:
                    stack.append(len(text) + (1 if text and not text.endswith(("\n", " ")) else 0))
                    opening = True
            continue
        word = line.split("\t")[0]
        if not word:
            continue
        glued = word in no_space_before or (word in {"\"", "'", "”", "’"} and not opening) or text.endswith(("\n", "(", "$", "“", "‘"))
        if glued or not text or opening_mark(text):
            text += word
        else:
            text += " " + word
        opening = word in {"\"", "'", "“", "‘"} and opening
    return text.strip(), [(s, e, name) for s, e, name in spans if e > s]


def opening_mark(text: str) -> bool:
    """Whether ``text`` ends with an opening quote mark glued to what follows."""
    return text.endswith(("“", "‘")) or text.endswith(("\"", "'")) and text[-2:-1] in {" ", "\n", ""}


# --- scoring --------------------------------------------------------------------------------

def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def inside(span: tuple[int, int], spans: list[tuple[int, int]]) -> float:
    """Share of ``span`` covered by ``spans`` (assumed disjoint)."""
    length = span[1] - span[0]
    return sum(overlap(span, s) for s in spans) / length if length > 0 else 0.0


def quoted_fragments(text: str, offset: int = 0) -> list[tuple[int, int]]:
    """Spans between double quote marks (“…”, "…" or ''…''; an unclosed one runs to the line end)."""
    return [(offset + m.start(1), offset + m.end(1)) for m in _QUOTED.finditer(text)]


def predicted_fragments(rows: list[dict]) -> list[tuple[tuple[int, int], dict]]:
    """Direct rows, and the quoted stretches inside mixed rows, with their row."""
    out = []
    for row in rows:
        if row["kind"] == "direct":
            out.append(((row["start"], row["end"]), row))
        elif row["kind"] == "mixed":
            out += [(span, row) for span in quoted_fragments(row["text"], row["start"])]
    return out


def speaker_matches(row: dict, source: list[tuple[int, int]], text: str) -> bool:
    """Predicted mention overlaps the gold source, or the canonical names share a name."""
    if not source:
        return not row["speaker_mention"]
    if row["speaker_start"] >= 0 and any(overlap((row["speaker_start"], row["speaker_end"]), s) for s in source):
        return True
    gold_names = {w.lower() for s in source for w in _NAME.findall(text[s[0]:s[1]])}
    return bool(gold_names & {w.lower() for w in _NAME.findall(row["speaker"])})


class Counts:
    """True-positive, predicted and gold counters for one measure."""

    def __init__(self) -> None:
        self.tp_p = self.tp_r = self.predicted = self.gold = 0

    def prf(self) -> tuple[float, float, float]:
        precision = self.tp_p / self.predicted if self.predicted else 0.0
        recall = self.tp_r / self.gold if self.gold else 0.0
        return precision, recall, 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def score_article(text: str, attributions: list[dict], rows: list[dict], counts: dict[str, Counts],
                  errors: dict[str, list[str]] | None = None) -> None:
    """Add one article's direct, quote+speaker and indirect counts to ``counts`` and, when
    ``errors`` is given, a one-line description of each error to ``errors[kind]``."""
    errors = errors if errors is not None else {}
    gold = []
    for attribution in attributions:
        for start, end in attribution["content"]:
            gold += [(frag, attribution) for frag in quoted_fragments(text[start:end], start)]
    predicted = predicted_fragments(rows)
    direct, with_speaker = counts["direct quote"], counts["quote+speaker"]
    direct.gold += len(gold)
    with_speaker.gold += len(gold)
    for frag, attribution in gold:
        length = frag[1] - frag[0]
        hits = [row for span, row in predicted if length and overlap(frag, span) / length >= 0.8]
        direct.tp_r += bool(hits)
        right = any(speaker_matches(row, attribution["source"], text) for row in hits)
        with_speaker.tp_r += right
        if not hits:
            _note(errors, "direct-missed", text, frag, "")
        elif not right:
            _note(errors, "speaker", text, frag, f"gold {_spans(text, attribution['source'])!r}, "
                  f"predicted {hits[0]['speaker_mention']!r} ({hits[0]['speaker']!r})")
    direct.predicted += len(predicted)
    with_speaker.predicted += len(predicted)
    for span, row in predicted:
        holders = [a for a in attributions if inside(span, a["content"]) >= 0.5]
        direct.tp_p += bool(holders)
        with_speaker.tp_p += any(speaker_matches(row, a["source"], text) for a in holders)
        if not holders:
            _note(errors, "direct-extra", text, span, "")
    _score_indirect(text, attributions, rows, counts, errors)


def _spans(text: str, spans: list[tuple[int, int]]) -> str:
    return " | ".join(text[s:e] for s, e in spans)


def _note(errors: dict[str, list[str]], kind: str, text: str, span: tuple[int, int], detail: str) -> None:
    """Record one error: the span in its line of text, and what went wrong."""
    line_start = text.rfind("\n", 0, span[0]) + 1
    line_end = text.find("\n", span[1])
    line = text[line_start:line_end if line_end >= 0 else len(text)]
    at = span[0] - line_start
    window = line[max(0, at - 150):at] + "[[" + text[span[0]:span[1]] + "]]" + line[at + span[1] - span[0]:][:150]
    errors.setdefault(kind, []).append(f"{window}\n      {detail}".rstrip())


def _score_indirect(text, attributions, rows, counts, errors) -> None:
    quoted = re.compile(r"[“”\"]|''")
    gold = [a for a in attributions if a["content"] and not any(quoted.search(text[s:e]) for s, e in a["content"])]
    predicted = [r for r in rows if r["kind"] == "indirect"]
    source = counts["indirect source"]
    source.gold += len(gold)
    source.predicted += len(predicted)
    found = set()
    for row in predicted:
        span = (row["start"], row["end"])
        best = max(gold, key=lambda a: sum(overlap(span, s) for s in a["content"]), default=None)
        if best is None or not sum(overlap(span, s) for s in best["content"]):
            _note(errors, "indirect-wrong", text, span, f"no gold attribution; predicted {row['speaker_mention']!r} {row['cue']!r}")
            continue
        if speaker_matches(row, best["source"], text):
            source.tp_p += 1
            found.add(id(best))
        else:
            _note(errors, "indirect-wrong", text, span, f"gold {_spans(text, best['source'])!r} {_spans(text, best['cue'])!r}; "
                  f"predicted {row['speaker_mention']!r} {row['cue']!r}")
    source.tp_r += len(found)
    for attribution in gold:
        if id(attribution) not in found:
            _note(errors, "indirect-missed", text, attribution["content"][0],
                  f"gold {_spans(text, attribution['source'])!r} {_spans(text, attribution['cue'])!r}")
    words = [m.span() for m in _WORD.finditer(text)]
    gold_tokens = {w for w in words if any(overlap(w, s) for a in gold for s in a["content"])}
    pred_tokens = {w for w in words if any(overlap(w, (r["start"], r["end"])) for r in predicted)}
    content = counts["indirect content"]
    content.tp_p += len(gold_tokens & pred_tokens)
    content.tp_r += len(gold_tokens & pred_tokens)
    content.predicted += len(pred_tokens)
    content.gold += len(gold_tokens)


def run(text: str, name: str) -> list[dict]:
    """Run the quote stage on a raw text the way the pipeline does."""
    paragraphs, sentences = segment(name, text)
    return extract_quotes({"article_id": name, "body": text, "headline": ""}, paragraphs, sentences)


def evaluate_polnear(root: Path, split: str, errors: dict[str, list[str]] | None = None) -> dict[str, Counts] | None:
    if not (root / "data" / split / "attributions").is_dir():
        return None
    counts = {k: Counts() for k in ("direct quote", "quote+speaker", "indirect source", "indirect content")}
    for name, text, attributions in polnear_articles(root, split):
        score_article(text, attributions, run(text, name), counts, errors)
    return counts


def evaluate_gum(folder: Path) -> dict[str, Counts] | None:
    """Quotation detection on GUM: ``<quote>`` spans with marks are gold, ``<q>`` must be left out."""
    files = sorted(folder.glob("*.xml"))
    if not files:
        return None
    quotes, titles = Counts(), Counts()
    for path in files:
        text, spans = read_gum(path)
        quotations = [(s, e) for s, e, tag in spans if tag == "quote"]
        gold = [(s, e) for s, e in quotations if quoted_fragments(text[s:e])]
        not_quotes = [(s, e) for s, e, tag in spans if tag == "q"]
        predicted = [span for span, _ in predicted_fragments(run(text, path.stem))]
        quotes.gold += len(gold)
        quotes.predicted += len(predicted)
        quotes.tp_r += sum(any(overlap(g, p) / (g[1] - g[0]) >= 0.8 for p in predicted) for g in gold)
        quotes.tp_p += sum(inside(p, quotations) >= 0.5 for p in predicted)
        titles.gold += len(not_quotes)
        titles.tp_r += sum(not any(overlap(q, p) for p in predicted) for q in not_quotes)
    titles.tp_p, titles.predicted = titles.tp_r, titles.gold
    return {"direct quote": quotes, "titles/scare quotes left out": titles}


def report(title: str, counts: dict[str, Counts]) -> None:
    print(title)
    for measure, count in counts.items():
        precision, recall, f1 = count.prf()
        print(f"  {measure:30s} P={precision:.3f} R={recall:.3f} F1={f1:.4f}  (gold={count.gold}, predicted={count.predicted})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--polnear", type=Path, default=POLNEAR)
    parser.add_argument("--split", default="dev", choices=["dev", "train"])
    parser.add_argument("--gum", type=Path, default=GUM_XML)
    parser.add_argument("--errors", choices=ERROR_KINDS, help="list errors of this kind (train split only)")
    parser.add_argument("--limit", type=int, default=40, help="how many errors to list")
    args = parser.parse_args(argv)
    if args.errors and args.split != "train":
        parser.error("--errors lists train errors only: rules are never written from dev errors")
    print("command:", " ".join(["python", "benchmarks/eval_quotes.py", *(argv if argv is not None else sys.argv[1:])]))
    started = time.perf_counter()
    gum = evaluate_gum(args.gum)
    if gum is None:
        print(f"GUM: skipped: data not found ({args.gum})")
    else:
        report(f"GUM news ({args.gum}):", gum)
    errors: dict[str, list[str]] = {}
    polnear = evaluate_polnear(args.polnear, args.split, errors)
    if polnear is None:
        print(f"PolNeAR: skipped: data not found ({args.polnear})")
    else:
        report(f"PolNeAR {args.split}:", polnear)
    if args.errors:
        listed = errors.get(args.errors, [])
        print(f"{args.errors}: {len(listed)} errors, {min(args.limit, len(listed))} shown")
        for line in random.Random(0).sample(listed, min(args.limit, len(listed))):
            print("  -", line)
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
