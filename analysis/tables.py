"""Stage 7, tables: collect per-article rows into DataFrames and write them as CSV or Parquet."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from pathlib import Path

import pandas as pd

from .schema import LIST_COLUMNS, TABLES, columns


@dataclass
class Tables:
    """The contract's tables as pandas DataFrames."""

    load_report: pd.DataFrame
    articles: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    quotes: pd.DataFrame
    claims: pd.DataFrame
    readability: pd.DataFrame

    def items(self):
        """``(name, DataFrame)`` pairs in contract order."""
        return [(f.name, getattr(self, f.name)) for f in fields(self)]

    def write(self, out_dir: str | Path, fmt: str = "csv") -> list[Path]:
        """Write one file per table into ``out_dir``; returns the paths written."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        written = []
        for name, frame in self.items():
            path = out / f"{name}.{fmt}"
            if fmt == "parquet":
                frame.to_parquet(path, index=False)
            else:
                to_csv_frame(name, frame).to_csv(path, index=False, encoding="utf-8")
            written.append(path)
        return written


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """DataFrame of ``rows`` with the contract's columns first (extra columns kept after them)."""
    cols = columns(name)
    df = pd.DataFrame(rows)
    for col in cols:
        if col not in df.columns:
            df[col] = pd.Series(dtype="object")
    extra = [c for c in df.columns if c not in cols]
    return df[cols + extra]


def to_csv_frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` with list-valued columns serialised as JSON arrays."""
    out = df.copy()
    for col in LIST_COLUMNS.get(name, ()):
        if col in out.columns:
            out[col] = out[col].map(lambda v: json.dumps(v if isinstance(v, list) else [], ensure_ascii=False))
    return out


def read_tables(out_dir: str | Path, fmt: str = "csv") -> Tables:
    """Read tables written by :meth:`Tables.write` (JSON list cells decoded)."""
    loaded = {}
    for name in TABLES:
        path = Path(out_dir) / f"{name}.{fmt}"
        if fmt == "parquet":
            df = pd.read_parquet(path)
        else:
            df = pd.read_csv(path, keep_default_na=False, na_values=[""])
            for col in LIST_COLUMNS.get(name, ()):
                df[col] = df[col].map(lambda v: json.loads(v) if isinstance(v, str) and v else [])
        loaded[name] = df
    return Tables(**loaded)


class TableBuilder:
    """Accumulates :class:`~analysis.pipeline.RecordResult` rows, then builds :class:`Tables`."""

    def __init__(self):
        self.rows: dict[str, list[dict]] = {name: [] for name in TABLES}

    def add(self, result) -> None:
        self.rows["load_report"].append(result.report)
        for name, rows in result.rows.items():
            self.rows[name].extend(rows)

    def tables(self) -> Tables:
        return Tables(**{name: frame(name, rows) for name, rows in self.rows.items()})
