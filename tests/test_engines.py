"""The Dask engine writes exactly the local engine's tables (same rows, ids, order, duplicate marks)."""

import logging

import dask
import pytest
from distributed import LocalCluster

from analysis.engines import iter_results_dask
from analysis.pipeline import iter_results
from analysis.tables import TableBuilder

from conftest import ARTICLE, SEED, assert_only_the_failing_story_failed


@pytest.fixture(scope="module")
def scheduler():
    """Address of a light in-process cluster: one worker, one thread."""
    with LocalCluster(n_workers=1, threads_per_worker=1, processes=False, dashboard_address=None,
                      silence_logs=logging.ERROR) as cluster:
        yield cluster.scheduler_address


def build(results):
    builder = TableBuilder()
    for result in results:
        builder.add(result)
    return builder.tables()


@pytest.mark.parametrize("batch_size", [1, 3, 64])
def test_dask_tables_equal_local_tables(messy_folder, scheduler, batch_size):
    inputs = [messy_folder, SEED]
    local = build(iter_results(inputs))
    distributed = build(iter_results_dask(inputs, scheduler=scheduler, batch_size=batch_size))
    assert set(local.load_report.status) == {"loaded", "duplicate", "skipped", "failed"}
    for (name, left), (_, right) in zip(local.items(), distributed.items()):
        assert left.equals(right), name


def test_duplicate_is_the_later_record_in_input_order(tmp_path, scheduler):
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    report = build(iter_results_dask([tmp_path], scheduler=scheduler, batch_size=1)).load_report
    assert list(report.status) == ["loaded", "duplicate", "duplicate"]
    assert report.reason.iloc[2] == f"same text as {tmp_path / 'a.txt'}"


def test_missing_input_is_reported_not_raised(tmp_path, scheduler):
    report = build(iter_results_dask([tmp_path / "nowhere"], scheduler=scheduler)).load_report
    assert list(report.status) == ["failed"]
    assert report.reason.item() == "no such file or folder"


def test_unreachable_scheduler_raises(tmp_path):
    with dask.config.set({"distributed.comm.timeouts.connect": "1s"}), pytest.raises(OSError, match="connect"):
        next(iter_results_dask([tmp_path], scheduler="tcp://127.0.0.1:1"))


def test_cli_dask_engine_matches_local(tmp_path, messy_folder):
    import subprocess
    import sys

    from analysis import read_tables

    for engine in ("local", "dask"):
        done = subprocess.run([sys.executable, "-m", "analysis", "analyze", str(messy_folder), "--out",
                               str(tmp_path / engine), "--engine", engine, "--workers", "1"],
                              capture_output=True, text=True, timeout=300)
        assert done.returncode == 0, done.stderr
    local, dask = read_tables(tmp_path / "local"), read_tables(tmp_path / "dask")
    for (name, left), (_, right) in zip(local.items(), dask.items()):
        assert left.equals(right), name


def test_a_failing_article_is_reported_and_the_others_survive_on_dask(stories_with_one_failing, scheduler):
    assert_only_the_failing_story_failed(
        build(iter_results_dask([stories_with_one_failing], scheduler=scheduler, batch_size=2)))
