"""End to end: the CLI and the Python API share one path; ids are stable; bad input never stops a run."""

import multiprocessing
import os
import subprocess
import sys

import pytest

from analysis import analyze, read_tables
from analysis.pipeline import analyse_record
from analysis.load import RawArticle
from analysis.schema import TABLES

from conftest import ARTICLE, SEED


def run_cli(*args):
    return subprocess.run([sys.executable, "-m", "analysis", *map(str, args)],
                          capture_output=True, text=True, timeout=300)


def test_every_input_gets_a_report_row_and_the_run_goes_on(messy_folder):
    tables = analyze([messy_folder])
    report = tables.load_report
    assert set(report.status) == {"loaded", "duplicate", "skipped", "failed"}
    assert (report.reason[report.status != "loaded"] != "").all()
    assert report.loc[report.source.str.endswith("same-again.txt"), "status"].item() == "duplicate"
    loaded_ids = set(report.article_id[report.status == "loaded"])
    assert loaded_ids == set(tables.articles.article_id)
    assert "never in body" not in " ".join(tables.articles.body)  # <script> content never reaches body


def test_offsets_hold_in_every_table(messy_folder):
    tables = analyze([messy_folder, SEED])
    bodies = dict(zip(tables.articles.article_id, tables.articles.body))
    for name in ("paragraphs", "sentences", "quotes", "claims"):
        for row in getattr(tables, name).itertuples():
            assert bodies[row.article_id][row.start:row.end] == row.text, name


def test_tables_have_the_contract_columns(messy_folder):
    tables = analyze([messy_folder])
    for name, frame in tables.items():
        assert list(frame.columns[: len(TABLES[name])]) == list(TABLES[name])


def test_article_id_is_a_stable_content_hash(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE, encoding="utf-8")
    b.write_text("Another story entirely, about a bridge that the council will rebuild next spring.\n\n"
                 "Work starts in April and should take two years, officials said.", encoding="utf-8")
    first = analyze([a, b]).articles.set_index("source").article_id
    second = analyze([b, a]).articles.set_index("source").article_id
    assert first.to_dict() == second.to_dict()
    assert first[str(a)] != first[str(b)]


def test_workers_give_identical_tables(messy_folder):
    one, two = analyze([messy_folder], workers=1), analyze([messy_folder], workers=2)
    for (name, left), (_, right) in zip(one.items(), two.items()):
        assert left.equals(right), name


def test_a_failing_stage_is_reported_and_others_survive(monkeypatch):
    from analysis import pipeline

    def boom(*_):
        raise RuntimeError("synthetic failure")

    monkeypatch.setattr(pipeline.claims, "extract_claims", boom)
    result = analyse_record(RawArticle("x.txt", None, "text", ARTICLE))
    assert result.report["status"] == "failed" and result.report["stage"] == "claims"
    assert "synthetic failure" in result.report["reason"] and not result.rows


def test_cli_writes_every_table_and_summarises(tmp_path, messy_folder):
    out = tmp_path / "out"
    done = run_cli("analyze", messy_folder, "--out", out, "--workers", "1")
    assert done.returncode == 0, done.stderr
    assert {p.name for p in out.iterdir()} == {f"{name}.csv" for name in TABLES}
    assert done.stderr.strip().splitlines()[-1].startswith("analysed ")
    tables = read_tables(out)
    assert tables.articles.authors.map(lambda v: isinstance(v, list)).all()


def test_cli_parquet_matches_csv(tmp_path, messy_folder):
    assert run_cli("analyze", messy_folder, "--out", tmp_path / "c", "--workers", "1").returncode == 0
    assert run_cli("analyze", messy_folder, "--out", tmp_path / "p", "--format", "parquet",
                   "--workers", "1").returncode == 0
    csv_tables, parquet_tables = read_tables(tmp_path / "c"), read_tables(tmp_path / "p", "parquet")
    assert csv_tables.sentences.text.tolist() == parquet_tables.sentences.text.tolist()
    assert csv_tables.articles.authors.tolist() == parquet_tables.articles.authors.tolist()


@pytest.mark.parametrize("args, code, message", [
    (["analyze", "/no/such/input", "--out", "{tmp}"], 1, "no article could be analysed"),
    (["analyze", "--out", "{tmp}"], 2, "required"),
    (["analyze", "x", "--out", "{tmp}", "--format", "xml"], 2, "invalid choice"),
])
def test_cli_exit_codes(tmp_path, args, code, message):
    done = run_cli(*[a.replace("{tmp}", str(tmp_path / "o")) for a in args])
    assert done.returncode == code
    assert message in done.stderr


def test_seed_metadata_is_recovered():
    article = analyze(SEED).articles.iloc[0]
    assert article.headline.startswith("Alibaba labels USTR’s notorious markets list")
    assert article.authors == ["Charlotte McEleny"] and article.author_roles == ["Asia Editor"]
    assert article.published == "2018-01-15" and article.read_time_min == 3
    assert article.body.startswith("Alibaba has taken issue with its marketplace Taobao")
    assert article.body.endswith("protector of intellectual property worldwide.”")
    assert "View all" in article.removed and "-d -h -min -sec" in article.removed


def test_fewer_gc_passes_restores_the_collector_setting():
    import gc

    from analysis.pipeline import fewer_gc_passes

    before = gc.get_threshold()
    with fewer_gc_passes(50_000):
        assert gc.get_threshold()[0] == max(50_000, before[0])
        frozen = gc.get_freeze_count()
        assert frozen > 0
        with fewer_gc_passes():
            assert gc.get_freeze_count() == frozen
            assert gc.get_threshold()[0] == max(50_000, before[0])  # the outer block's setting holds
        assert gc.get_freeze_count() == frozen  # the inner block leaves the outer one's freeze
    assert gc.get_threshold() == before and gc.get_freeze_count() == 0
    with pytest.raises(RuntimeError):
        with fewer_gc_passes():
            raise RuntimeError("a failing run")
    assert gc.get_threshold() == before
    with fewer_gc_passes(50_000):  # a block after a failed one sets things up again
        assert gc.get_threshold()[0] == max(50_000, before[0]) and gc.get_freeze_count() > 0
    gc.freeze()  # the caller's own freeze is left alone
    try:
        frozen = gc.get_freeze_count()
        with fewer_gc_passes():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


@pytest.mark.parametrize("known_ids, analysed", [
    (set(), True), ({"0123456789abcdef"}, True), ({"its own id"}, False), ({"0123456789abcdef", "its own id"}, False),
])
def test_a_copy_of_an_analysed_article_skips_the_stages(monkeypatch, known_ids, analysed):
    from analysis import pipeline

    calls = []
    monkeypatch.setattr(pipeline, "segment", lambda *args: calls.append(args) or ([], []))
    item = RawArticle("x.txt", None, "text", ARTICLE)
    article_id = pipeline.normalise(item)["article_id"]
    result = analyse_record(item, analysed_ids={article_id if i == "its own id" else i for i in known_ids})
    assert result.report["status"] == "loaded" and result.report["article_id"] == article_id
    assert bool(calls) is analysed and bool(result.rows) is analysed


def test_duplicates_in_one_worker_are_not_analysed_again(monkeypatch, tmp_path):
    from analysis import pipeline

    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    analysed = []
    segment = pipeline.segment
    monkeypatch.setattr(pipeline, "segment", lambda *args: analysed.append(args[0]) or segment(*args))
    report = analyze([tmp_path]).load_report
    assert list(report.status) == ["loaded", "duplicate", "duplicate"] and len(analysed) == 1


class _DoneNow:
    """A future that has already run its work (a synchronous stand-in for a process pool)."""

    def __init__(self, value):
        self.value = value

    def result(self):
        return self.value


@pytest.mark.parametrize("texts, in_flight, skipped", [
    # a copy sent after the original's result came back skips the stages
    ([ARTICLE, "Other news. " * 5, ARTICLE], 1, [False, False, True]),
    # a copy sent while the original is still in flight: analysed, then dropped
    ([ARTICLE, ARTICLE], 2, [False, False]),
    # same text, other format: not the same input (structured records are parsed differently)
    ([ARTICLE, ("json", ARTICLE)], 1, [False, False]),
])
def test_dispatched_copies_skip_the_stages_once_the_original_is_known(texts, in_flight, skipped):
    from analysis.pipeline import analyse_batch, dispatched_results, serial_results

    items = [RawArticle(f"{i}.txt", None, *(text if isinstance(text, tuple) else ("text", text)))
             for i, text in enumerate(texts)]
    sent = []

    def submit(batch):
        sent.extend(bool(known) for _, known in batch)
        return _DoneNow(analyse_batch(batch))

    results = list(dispatched_results(submit, items, batch_size=2, max_in_flight=in_flight))
    assert sent == skipped
    one_worker = list(serial_results(items))
    assert [r.report for r in results] == [r.report for r in one_worker]
    assert [r.rows for r in results] == [r.rows for r in one_worker]


def test_two_workers_with_small_batches_give_one_workers_results(tmp_path):
    from analysis.pipeline import iter_results

    for i in range(12):
        (tmp_path / f"{i:02}.txt").write_text(f"Story {i}: the council met on Tuesday.\n\n" + ARTICLE, encoding="utf-8")
    (tmp_path / "copy.txt").write_text("Story 3: the council met on Tuesday.\n\n" + ARTICLE, encoding="utf-8")
    one = list(iter_results([tmp_path], workers=1))
    two = list(iter_results([tmp_path], workers=2, chunksize=1))
    assert [r.report for r in two] == [r.report for r in one]
    assert [r.rows for r in two] == [r.rows for r in one]


@pytest.mark.parametrize("n_batches, ready", [(5, False), (1, False), (5, True)])
def test_while_waiting_runs_only_for_the_last_batches_not_done(n_batches, ready):
    """The caller's own work fills the time the workers need for the last batches, and only then."""
    from analysis.pipeline import ordered_results

    events = []

    class Future:
        def __init__(self, k):
            self.k = k

        def done(self):
            return ready

        def result(self):
            return [self.k]

    def submit(batch):
        events.append("submit")
        return Future(batch[0])

    results = list(ordered_results(submit, ([k] for k in range(n_batches)), max_in_flight=3,
                                   while_waiting=lambda: events.append("wait")))
    assert results == list(range(n_batches))
    waits = [k for k, event in enumerate(events) if event == "wait"]
    assert len(waits) == (0 if ready else min(n_batches, 2))  # the batches still in flight
    assert all(k > events.index("submit") + n_batches - 1 for k in waits)  # after the last submit


@pytest.mark.parametrize("n_items", [0, 1, 3, 8, 9, 20, 21])
@pytest.mark.parametrize("size, last_singly", [(4, 0), (4, 3), (1, 2), (5, 8)])
def test_batches_keep_order_and_send_the_last_items_singly(n_items, size, last_singly):
    from analysis.pipeline import batches

    made = list(batches(iter(range(n_items)), size, last_singly))
    assert [item for batch in made for item in batch] == list(range(n_items))
    singles = min(n_items, last_singly)
    assert all(len(batch) == 1 for batch in made[len(made) - singles:])
    leading = made[:len(made) - singles]
    assert all(len(batch) == size for batch in leading[:-1]) and all(0 < len(b) <= size for b in leading)


def _dies(batch):
    os._exit(3)


def test_a_worker_that_dies_stops_the_run_with_a_clear_error(tmp_path, monkeypatch):
    """The caller would analyse the rest itself, but the batches the dead worker held have no
    result: the run must fail loudly, not hang or lose them."""
    from concurrent.futures.process import BrokenProcessPool

    from analysis import pipeline

    for i in range(12):
        (tmp_path / f"{i:02}.txt").write_text(f"Story {i}: the council met on Tuesday.\n\n" + ARTICLE, encoding="utf-8")
    monkeypatch.setattr(pipeline, "analyse_batch", _dies)  # what the forked worker runs
    with pytest.raises(BrokenProcessPool, match="exit code 3"):
        list(pipeline.iter_results([tmp_path], workers=2, chunksize=1))


def test_stopping_early_stops_the_workers(tmp_path):
    from analysis import pipeline

    for i in range(40):
        (tmp_path / f"{i:02}.txt").write_text(f"Story {i}: the council met on Tuesday.\n\n" + ARTICLE, encoding="utf-8")
    before = set(multiprocessing.active_children())
    results = pipeline.iter_results([tmp_path], workers=3, chunksize=1)
    next(results)
    started = set(multiprocessing.active_children()) - before
    assert len(started) == 2
    results.close()
    for process in started:
        process.join(timeout=10)
        assert not process.is_alive()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="pipe sizes are set on Linux")
def test_pipes_smaller_than_a_batch_and_its_results_do_not_stall_the_run():
    """With 4 KiB pipes, every batch and every batch's results overflow a pipe: the caller must
    still never wait on a send to a worker that is waiting to send it results (a deadlock: the
    alarm turns it into a failure)."""
    import signal
    import pandas as pd

    from analysis.pipeline import CallerAndWorkers, dispatched_results, serial_results
    from analysis.tables import TableBuilder

    items = [RawArticle(f"{i}.txt", None, "text", f"Story {i}: the council met on Tuesday.\n\n" + ARTICLE * (1 + i % 4))
             for i in range(24)]
    team = CallerAndWorkers(2, pipe_bytes=4096)
    signal.signal(signal.SIGALRM, lambda *_: pytest.fail("the run stalled"))
    signal.alarm(120)
    try:
        results = list(dispatched_results(team.submit, items, batch_size=2, max_in_flight=8))
    finally:
        signal.alarm(0)
        team.close()
    assert all(worker.pages == 1 for worker in team.workers)  # the task pipes really are one page
    expected = TableBuilder()
    for result in serial_results(items):
        expected.add(result)
    got = TableBuilder()
    for result in results:
        got.add(result)
    for (name, a), (_, b) in zip(got.tables().items(), expected.tables().items()):  # (NaN-aware)
        pd.testing.assert_frame_equal(a, b, check_exact=True, obj=name)
