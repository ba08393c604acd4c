"""Save a figure the way every notebook does: a byte-stable PNG with the CSV of its data beside it."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

#: Where notebooks write figures (relative to the notebooks/ folder they run in).
FIGURES_DIR = Path("../figures")


def save_figure(fig, data: pd.DataFrame, name: str, folder: str | Path = FIGURES_DIR) -> Path:
    """Write ``name.png`` (no timestamp or software metadata, so reruns give identical bytes)
    and ``name.csv`` (the plotted data) into ``folder``; returns the PNG path."""
    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    png = folder / f"{name}.png"
    fig.savefig(png, dpi=100, bbox_inches="tight", metadata={"Software": None})
    data.to_csv(folder / f"{name}.csv", index=False)
    return png
