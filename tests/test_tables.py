"""Tables built part by part are the tables built from all rows at once: same rows, values and dtypes."""

import numpy as np
import pandas as pd
import pytest

from analysis.pipeline import RecordResult, iter_results
from analysis.tables import TableBuilder, TableWriter, rows_frame

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
def test_rows_frame_is_pandas_frame_of_rows(rows):
    pd.testing.assert_frame_equal(rows_frame(rows), pd.DataFrame(rows), check_exact=True)
