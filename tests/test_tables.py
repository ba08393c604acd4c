"""Tables built part by part are the tables built from all rows at once: same rows, values and dtypes."""

import numpy as np
import pandas as pd
import pytest

from analysis.pipeline import RecordResult, iter_results
from analysis.schema import INTEGER_COLUMNS, columns
from analysis.tables import TableBuilder, TableWriter, frame, read_tables, row_columns

from conftest import SEED


def build(results, part_size):
    builder = TableBuilder(part_size=part_size)
    for result in results:
        builder.add(result)
    return builder.tables()


def assert_same_tables(left, right):
    for (name, a), (_, b) in zip(left.items(), right.items()):
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)


@pytest.mark.parametrize("part_size", [1, 2, 5])
def test_parts_join_into_the_whole_tables(messy_folder, part_size):
    results = list(iter_results([messy_folder, SEED]))
    assert_same_tables(build(results, part_size), build(results, part_size=10**6))


def result(n, rows):
    report = {"source": f"s{n}.txt", "record": None, "status": "loaded", "reason": "",
              "article_id": f"a{n}", "stage": ""}
    return RecordResult(report, {"quotes": rows})


QUOTE = {"article_id": "a", "quote_id": 1, "start": 0, "end": 5}


@pytest.mark.parametrize("first, second", [
    ({"speaker": None}, {"speaker": "Jane Doe"}),       # all missing in one part: str, not object
    ({"confidence": None}, {"confidence": 0.5}),        # all missing in one part: float, not object
    ({}, {"speaker": "Jane Doe"}),                      # column absent from one part
    ({"is_direct": True}, {"is_direct": None}),         # bool in one part, missing in the other
    ({"speaker": "Ann Lee"}, {"speaker": "Bo Chan"}),   # negative case: same dtype, nothing re-typed
])
def test_a_column_typed_differently_in_one_part_is_typed_as_a_whole(first, second):
    results = [result(1, [{**QUOTE, **first}]), result(2, [{**QUOTE, **second}])]
    assert_same_tables(build(results, part_size=1), build(results, part_size=10**6))


def test_catching_up_changes_no_table(messy_folder):
    results = list(iter_results([messy_folder, SEED]))
    builder = TableBuilder()
    for k, result in enumerate(results):
        builder.add(result)
        if k % 3 == 0:
            builder.catch_up()
    builder.catch_up()
    builder.catch_up()  # nothing new: no empty part
    assert_same_tables(builder.tables(), build(results, part_size=10**6))


@pytest.mark.parametrize("fmt", ["csv", "parquet"])
def test_the_writer_catching_up_writes_the_same_tables(tmp_path, messy_folder, fmt):
    results = list(iter_results([messy_folder, SEED]))
    for name, every in (("plain", None), ("eager", 2)):
        writer = TableWriter(tmp_path / name, fmt)
        for k, result in enumerate(results):
            writer.add(result)
            if every and k % every == 0:
                writer.catch_up()
        writer.close()
    assert_same_tables(read_tables(tmp_path / "eager", fmt), read_tables(tmp_path / "plain", fmt))


CLAIM = {"article_id": "a", "claim_id": 0, "sentence_id": 0, "start": 0, "end": 9, "text": "It rose 3.",
         "checkworthiness": 0.5, "is_claim": True, "claim_type": "quantity", "claimer": "reporter", "hedged": False,
         "quantities": []}


@pytest.mark.parametrize("first, later", [
    ({"quantities": []}, {"quantities": [{"text": "3.5%", "value": 3.5, "unit": "percent", "approximate": False}]}),
    ({"quantities": [{"text": "3", "value": 3, "unit": "jobs", "approximate": False}]},
     {"quantities": [{"text": "3.5%", "value": 3.5, "unit": "percent", "approximate": True}]}),
    ({"claimer": None}, {"claimer": "Jane Doe"}),
    ({"claimer": "Ann Lee"}, {"claimer": "Bo Chan"}),  # negative case: the same types throughout
])
def test_parquet_row_groups_typed_by_the_contract_not_the_first_group(tmp_path, first, later):
    """A first row group with a column all missing, or only whole-number quantities, must not fix
    a type the later row groups do not fit."""
    results = [RecordResult({**result(n, []).report}, {"claims": [{**CLAIM, "article_id": f"a{n}", **row}]})
               for n, row in enumerate([first, later])]
    writer = TableWriter(tmp_path, "parquet", batch_size=1)
    for one in results:
        writer.add(one)
    writer.close()
    written = read_tables(tmp_path, "parquet").claims
    expected = build(results, part_size=10**6).claims
    assert written.claimer.tolist() == expected.claimer.tolist()
    assert [[q["value"] for q in qs] for qs in written.quantities] == [[q["value"] for q in qs] for qs in expected.quantities]


@pytest.mark.parametrize("batch_size", [1, 3])
def test_the_writer_streams_batches_to_disk_before_it_closes(tmp_path, messy_folder, batch_size):
    """Memory stays bounded: every ``batch_size`` results are written out and dropped."""
    writer = TableWriter(tmp_path, "csv", batch_size=batch_size)
    results = iter(iter_results([messy_folder]))
    for _ in range(batch_size):
        writer.add(next(results))
    assert (tmp_path / "load_report.csv").exists()
    assert writer.pending.results == 0 and not any(writer.pending.parts.values())
    for result in results:
        writer.add(result)
    writer.close()
    assert len(pd.read_csv(tmp_path / "load_report.csv")) == len(list(iter_results([messy_folder])))


@pytest.mark.parametrize("rows", [
    [{"a": "x", "b": 1, "c": 1.5, "d": True, "e": [1]}, {"a": "y", "b": 2, "c": 2.0, "d": False, "e": []}],
    [{"a": "x"}, {"a": None}],  # text with a gap: str, NaN
    [{"a": None}, {"a": None}],
    [{"a": 1}, {"a": None}],  # float64 with NaN
    [{"a": 1}, {"a": 2.5}],
    [{"a": True}, {"a": None}],  # object, not bool (None is not False)
    [{"a": True}, {"a": 1}],
    [{"a": 2**70}, {"a": 1}],  # beyond int64
    [{"a": 2**63}],  # uint64
    [{"a": float("nan")}, {"a": 1.0}],
    [{"a": np.int64(3)}, {"a": np.int64(4)}],
    [{"a": "x"}, {"a": 3}],
    [{"a": {"k": 1}}],
    [{"a": 1, "b": "x"}, {"b": "y", "a": 4}],  # same keys, another order
    [{"a": 1}, {"b": 2}],  # different keys
    [{}, {}],
    [],
])
def test_row_columns_are_pandas_frame_of_rows(rows):
    built = pd.DataFrame(row_columns(rows), index=pd.RangeIndex(len(rows)))
    pd.testing.assert_frame_equal(built, pd.DataFrame(rows), check_exact=True, check_column_type=False)


def _frame_by_pandas(name: str, rows: list[dict]) -> pd.DataFrame:
    """The plain-pandas definition of :func:`frame`: every contract column (all missing when no
    row has it), integer columns as ``Int64``, contract columns first."""
    df = pd.DataFrame(rows)
    for col in columns(name):
        if col not in df.columns:
            df[col] = pd.Series(dtype="object")
    for col in INTEGER_COLUMNS.intersection(df.columns):
        df[col] = pd.to_numeric(df[col], errors="coerce").astype("Int64")
    return df[columns(name) + [c for c in df.columns if c not in columns(name)]]


@pytest.mark.parametrize("name", ["sentences", "quotes", "articles"])
@pytest.mark.parametrize("rows", [
    [],
    [{"article_id": "a", "sentence_id": 0, "start": 0, "end": 5, "text": "Hello"}],
    [{"article_id": "a", "start": 3, "text": "x", "extra": 1.5}, {"article_id": "b", "start": 4, "text": "y", "extra": 2.0}],
    [{"article_id": "a", "start": None, "text": "x"}, {"article_id": "b", "start": 4, "text": None}],
    [{"article_id": "a", "start": "7"}, {"article_id": "b", "start": "no number"}],
    [{"article_id": "a", "start": 1}, {"article_id": "b", "end": 2}],  # different keys
    [{"start": None, "end": None}, {"start": None, "end": None}],
    [{}, {}],
])
def test_frame_is_the_pandas_definition(name, rows):
    built, expected = frame(name, rows), _frame_by_pandas(name, rows)
    pd.testing.assert_frame_equal(built, expected, check_exact=True)
    assert list(built.dtypes) == list(expected.dtypes)
