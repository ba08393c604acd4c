"""Stage 7, tables: collect per-article rows into DataFrames and write them as CSV or Parquet."""

from __future__ import annotations

import json
from dataclasses import dataclass, fields
from operator import itemgetter
from pathlib import Path

import numpy as np
import pandas as pd

from .schema import (BOOLEAN_COLUMNS, FLOAT_COLUMNS, INTEGER_COLUMNS, LIST_COLUMNS, PLAIN_INTEGER_COLUMNS, TABLES,
                     columns)


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
        writer = TableWriter(out_dir, fmt)
        for name, df in self.items():
            writer.write_frame(name, df)
        return writer.close()


def frame(name: str, rows: list[dict]) -> pd.DataFrame:
    """DataFrame of ``rows`` with the contract's columns first (extra columns kept after them):
    integer columns nullable (``Int64``), a contract column that no row has all missing.

    Built in one go from finished columns (none set or reordered afterwards), so that a small
    part costs little more than its rows.
    """
    found = row_columns(rows)
    ordered = {col: found.pop(col) if col in found else np.full(len(rows), np.nan, dtype=object)
               for col in columns(name)}
    ordered.update(found)
    return pd.DataFrame({col: _integers(values) if col in INTEGER_COLUMNS else values
                         for col, values in ordered.items()})


def row_columns(rows: list[dict]) -> dict:
    """The columns of ``pd.DataFrame(rows)`` by name, built column by column when every row has
    the same keys (two or more).

    A column whose values all have one type among str, float, int and bool becomes its array
    directly; pandas would infer the same dtype, value by value (about half of the table
    assembly's time). Other columns are lists (pandas infers their dtype), and rows with
    differing keys are left to pandas.
    """
    keys = tuple(rows[0]) if rows else ()
    if len(keys) < 2 or set(map(len, rows)) != {len(keys)}:
        return dict(pd.DataFrame(rows).items())
    try:
        values = zip(*map(itemgetter(*keys), rows))
    except KeyError:  # another key set of the same size
        return dict(pd.DataFrame(rows).items())
    return {key: _column(column) for key, column in zip(keys, values)}


def _integers(values) -> pd.api.extensions.ExtensionArray:
    """``values`` (an array, list or Series) as nullable integers; what is no number is missing."""
    if isinstance(values, np.ndarray) and values.dtype == np.int64:
        return pd.array(values, dtype="Int64")
    return pd.to_numeric(pd.Series(values), errors="coerce").astype("Int64").array


_PLAIN_DTYPES = {str: "str", float: np.float64, int: np.int64, bool: np.bool_}


def _column(values: tuple):
    """``values`` as an array of the dtype pandas infers for them when they share a plain type;
    as a list (pandas infers) otherwise."""
    kinds = set(map(type, values))
    dtype = _PLAIN_DTYPES.get(kinds.pop()) if len(kinds) == 1 else None
    if dtype == "str":
        return pd.array(values, dtype="str")
    if dtype is not None:
        try:
            return np.array(values, dtype=dtype)
        except OverflowError:  # an int beyond int64: pandas' inference decides
            pass
    return list(values)


def to_csv_frame(name: str, df: pd.DataFrame) -> pd.DataFrame:
    """Copy of ``df`` with list-valued columns serialised as JSON arrays."""
    out = df.copy()
    for col in LIST_COLUMNS.get(name, ()):
        if col in out.columns:
            out[col] = out[col].map(lambda v: json.dumps(v if isinstance(v, list) else [], ensure_ascii=False))
    return out


def read_tables(out_dir: str | Path, fmt: str = "csv") -> Tables:
    """Read tables written by :meth:`Tables.write` or the CLI (list cells back as Python lists)."""
    loaded = {}
    for name in TABLES:
        path = Path(out_dir) / f"{name}.{fmt}"
        if fmt == "parquet":
            df = pd.read_parquet(path)
            for col in LIST_COLUMNS.get(name, ()):
                df[col] = df[col].map(lambda v: [] if v is None else list(v))
        else:
            df = pd.read_csv(path, dtype=str, keep_default_na=False)
            for col in df.columns:
                if col in LIST_COLUMNS.get(name, ()):
                    df[col] = df[col].map(lambda v: json.loads(v) if v else [])
                else:
                    df[col] = _typed(col, df[col])
        loaded[name] = df
    return Tables(**loaded)


def _typed(col: str, values: pd.Series) -> pd.Series:
    """Restore a CSV column's type: integers, floats and booleans; text stays text ('' kept)."""
    present = values[values != ""]
    if col in INTEGER_COLUMNS:
        return pd.to_numeric(values.replace("", None)).astype("Int64")
    if len(present) and present.isin(["True", "False"]).all():
        return values.map({"True": True, "False": False, "": None})
    numbers = pd.to_numeric(present, errors="coerce")
    if len(present) and numbers.notna().all():
        return pd.to_numeric(values.replace("", None)).astype(float)
    return values


class TableBuilder:
    """Accumulates :class:`~analysis.pipeline.RecordResult` rows, then builds :class:`Tables`.

    Every ``part_size`` results, the rows collected so far become DataFrames (parts, joined by
    :meth:`tables`): with worker processes, the parent builds them while the workers analyse,
    instead of all at the end (a serial 0.4 s on the BBC corpus, ``benchmarks/bench_pipeline.py``).
    """

    def __init__(self, part_size: int = 256):
        self.part_size = part_size
        self.results = 0  # added so far
        self.rows: dict[str, list[dict]] = {name: [] for name in TABLES}
        self.parts: dict[str, list[pd.DataFrame]] = {name: [] for name in TABLES}

    def add(self, result) -> None:
        self.results += 1
        self.rows["load_report"].append(result.report)
        for name, rows in result.rows.items():
            self.rows[name].extend(rows)
        if len(self.rows["load_report"]) >= self.part_size:  # one report row per result
            self.build_parts()

    def catch_up(self) -> None:
        """Build the rows collected so far into parts now (while worker processes compute the last
        results, so that little is left for :meth:`tables`)."""
        if self.rows["load_report"]:  # one report row per result
            self.build_parts()

    def build_parts(self) -> None:
        """Turn the rows collected since the last call into DataFrame parts."""
        for name, rows in self.rows.items():
            if rows:
                self.parts[name].append(frame(name, rows))
        self.rows = {name: [] for name in TABLES}

    def tables(self) -> Tables:
        self.build_parts()
        return Tables(**{name: joined(name, parts) for name, parts in self.parts.items()})


def joined(name: str, parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The parts of table ``name`` as one DataFrame, typed as :func:`frame` types all its rows at
    once: a column typed differently in some part (all missing there, say) is typed afresh."""
    if len(parts) < 2:
        return parts[0] if parts else frame(name, [])
    df = pd.concat(parts, ignore_index=True)
    for col in df.columns.difference(sorted(INTEGER_COLUMNS)):  # integer columns: Int64 in every part
        if len({part[col].dtype if col in part.columns else None for part in parts}) > 1:
            df[col] = pd.Series(df[col].tolist())
    return df


def parquet_schema(df: pd.DataFrame):
    """The Parquet schema of a table whose first rows are ``df``: the contract's type for each of
    its columns, so that every row group fits it (in a first row group where a column is all
    missing, or where every quantity is a whole number, inference would give a type later row
    groups do not fit); pyarrow's inference from ``df`` for a column outside the contract."""
    import pyarrow as pa

    contract_types = {
        **dict.fromkeys(INTEGER_COLUMNS | PLAIN_INTEGER_COLUMNS, pa.int64()),
        **dict.fromkeys(FLOAT_COLUMNS, pa.float64()),
        **dict.fromkeys(BOOLEAN_COLUMNS, pa.bool_()),
        **dict.fromkeys(LIST_COLUMNS["articles"], pa.list_(pa.string())),
        "quantities": pa.list_(pa.struct([("text", pa.string()), ("value", pa.float64()), ("unit", pa.string()),
                                          ("approximate", pa.bool_())])),
    }
    contract_columns = set().union(*TABLES.values())
    inferred = pa.Schema.from_pandas(df, preserve_index=False)
    return pa.schema([(field.name, contract_types.get(field.name, pa.large_string())
                       if field.name in contract_columns else field.type) for field in inferred])


class TableWriter:
    """Streams results to one file per table: CSV appended batch by batch, Parquet in row groups.

    Memory stays bounded by the batch size, whatever the corpus size.
    """

    def __init__(self, out_dir: str | Path, fmt: str = "csv", batch_size: int = 256):
        self.out = Path(out_dir)
        self.out.mkdir(parents=True, exist_ok=True)
        self.fmt = fmt
        self.batch_size = batch_size
        self.pending = TableBuilder()
        self.started: set[str] = set()
        self.parquet_writers: dict = {}

    def add(self, result) -> None:
        self.pending.add(result)
        if self.pending.results >= self.batch_size:
            self.flush()

    def catch_up(self) -> None:
        """Write the results collected so far now (while worker processes compute the last ones)."""
        if self.pending.results:
            self.flush()

    def flush(self, final: bool = False) -> None:
        for name, df in self.pending.tables().items():
            if len(df) or (final and name not in self.started):
                self.write_frame(name, df)
        self.pending = TableBuilder()

    def write_frame(self, name: str, df: pd.DataFrame) -> None:
        """Append ``df`` to table ``name``'s file (the first call creates it, with a header)."""
        path = self.out / f"{name}.{self.fmt}"
        if self.fmt == "parquet":
            import pyarrow as pa
            import pyarrow.parquet as pq

            writer = self.parquet_writers.get(name)
            if writer is None:
                writer = self.parquet_writers[name] = pq.ParquetWriter(path, parquet_schema(df))
            writer.write_table(pa.Table.from_pandas(df, schema=writer.schema, preserve_index=False))
        else:
            to_csv_frame(name, df).to_csv(path, mode="a" if name in self.started else "w",
                                         header=name not in self.started, index=False, encoding="utf-8")
        self.started.add(name)

    def close(self) -> list[Path]:
        """Write what is pending and close the files; returns the paths written."""
        self.flush(final=True)
        for writer in self.parquet_writers.values():
            writer.close()
        return [self.out / f"{name}.{self.fmt}" for name in TABLES]
