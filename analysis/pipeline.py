"""The pipeline: load → normalise → segment → quotes → claims → readability → tables.

:func:`analyse_record` is the per-article function every engine runs; :func:`iter_results`
streams results for many inputs (in worker processes when ``workers > 1``) and
:func:`analyze` collects them into :class:`~analysis.tables.Tables`.
"""

from __future__ import annotations

import gc
import hashlib
import multiprocessing
import multiprocessing.connection
import os
from collections import deque
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import partial
from multiprocessing.reduction import ForkingPickler
from typing import Callable, Container, Iterable, Iterator

try:
    import fcntl
except ImportError:  # not on Windows
    fcntl = None

from . import claims, quotes, readability
from .load import DEFAULT_MAX_BYTES, LoadIssue, RawArticle, load_paths
from .normalise import normalise
from .segment import segment
from .tables import Tables, TableBuilder

@dataclass
class RecordResult:
    """Everything one input record produced: its load_report row and its table rows."""

    report: dict
    rows: dict[str, list[dict]] = field(default_factory=dict)


def analyse_record(item: RawArticle | LoadIssue, analysed_ids: Container[str] = ()) -> RecordResult:
    """Run every stage on one raw record. Never raises: a failure becomes a ``failed`` report.

    A record whose article id is in ``analysed_ids`` (articles already analysed and kept) stops
    after normalising: :func:`mark_duplicates` drops a copy's rows anyway.
    """
    report = {"source": item.source, "record": item.record, "status": "", "reason": "",
              "article_id": "", "stage": ""}
    if isinstance(item, LoadIssue):
        report.update(status=item.status, reason=item.reason, stage="load" if item.status == "failed" else "")
        return RecordResult(report)
    stage = "normalise"
    try:
        article = normalise(item)
        if not article["body"].strip():
            report.update(status="skipped", reason="no article text found (only page furniture)")
            return RecordResult(report)
        article_id = article["article_id"]
        if article_id in analysed_ids:
            rows = {}
        else:
            stage = "segment"
            paragraphs, sentences = segment(article_id, article["body"])
            stage = "quotes"
            quote_rows = quotes.extract_quotes(article, paragraphs, sentences)
            stage = "claims"
            claim_rows = claims.extract_claims(article, sentences, quote_rows)
            stage = "readability"
            readability_rows = readability.measure(article, paragraphs, sentences, quote_rows)
            rows = {"articles": [article], "paragraphs": paragraphs, "sentences": sentences,
                    "quotes": quote_rows, "claims": claim_rows, "readability": readability_rows}
    except Exception as error:  # one bad article must never stop the run
        report.update(status="failed", stage=stage, reason=f"{stage} failed: {type(error).__name__}: {error}")
        return RecordResult(report)
    report.update(status="loaded", reason="; ".join(article.pop("notes")), article_id=article_id)
    return RecordResult(report, rows)


def iter_results(paths: Iterable[str | os.PathLike], workers: int = 1,
                 max_bytes: int = DEFAULT_MAX_BYTES, chunksize: int = 8,
                 while_waiting: Callable[[], None] | None = None) -> Iterator[RecordResult]:
    """Yield one :class:`RecordResult` per input record, in input order, duplicates marked.

    With ``workers > 1`` records are analysed in that many processes, this one and
    ``workers - 1`` worker processes (:class:`CallerAndWorkers`); the output (rows, ids, order)
    is the same as with one worker; ``while_waiting`` is called while the workers finish their
    last batches (see :func:`ordered_results`). The window of batches in flight is wide (16 per
    process), so the caller always finds a batch to analyse while a worker holds the oldest.
    """
    items = load_paths(paths, max_bytes=max_bytes)
    with fewer_gc_passes():
        if workers > 1:
            team = CallerAndWorkers(workers - 1)
            try:
                yield from dispatched_results(team.submit, items, chunksize, 16 * workers, while_waiting)
            finally:  # the caller goes on (builds its tables) while the idle workers exit
                team.close()
        else:
            yield from serial_results(items)


class CallerAndWorkers:
    """Batches analysed by worker processes and by the calling process itself, with no threads.

    Each worker is sent up to ``queued`` batches ahead through a pipe, so it never waits for the
    caller; the other batches wait in :attr:`todo`. When the caller asks for a result that is not
    ready, it analyses the oldest waiting batch itself, collecting the workers' results and
    sending them more batches between its records, or, with nothing left to take, waits for a
    worker. So the caller is one of the ``workers + 1`` processes doing the work, and its own
    work (collecting results, building tables) takes what the others leave it. (A process pool
    instead feeds its workers from threads of the caller, which wait for the interpreter lock
    whenever the caller's own code runs: a pool worker starves if the caller analyses too.)

    :meth:`submit` returns a future (``done()``, ``result()``), so :func:`dispatched_results`
    drives this as it drives a Dask client.
    """

    def __init__(self, workers: int, queued: int = 4, pipe_bytes: int = 1 << 20):
        context = multiprocessing.get_context()
        self.queued = queued
        self.todo: deque[BatchFuture] = deque()  # submitted, not sent to a worker nor taken
        self.workers: list[Worker] = []
        for _ in range(workers):
            task_reader, task_writer = context.Pipe(duplex=False)
            result_reader, result_writer = context.Pipe(duplex=False)
            _pipe_pages(result_writer.fileno(), pipe_bytes)  # a worker's results rarely wait for the caller
            process = context.Process(target=work_on_batches, args=(task_reader, result_writer), daemon=True)
            process.start()
            task_reader.close()  # the worker's ends
            result_writer.close()
            self.workers.append(Worker(process, task_writer, result_reader,
                                       _pipe_pages(task_writer.fileno(), pipe_bytes)))

    def submit(self, batch: list) -> BatchFuture:
        future = BatchFuture(self, batch)
        self.todo.append(future)
        self.feed()
        return future

    def feed(self) -> None:
        """Send waiting batches to the workers holding fewer than ``queued``, as long as the batches
        a worker holds fit in its pipe: a send then never waits (a worker holding nothing is
        reading), so the caller cannot be stuck sending to a worker that is stuck sending it
        results."""
        for worker in self.workers:
            while self.todo and len(worker.holding) < self.queued:
                future = self.todo[0]
                future.pickled = future.pickled or bytes(ForkingPickler.dumps(future.batch))
                held = sum(_pages(sent.pickled) for sent in worker.holding)
                if worker.holding and held + _pages(future.pickled) > worker.pages:
                    break
                worker.tasks.send_bytes(self.todo.popleft().pickled)
                worker.holding.append(future)

    def collect(self, timeout: float | None = 0.0) -> None:
        """Take the results the workers have sent (waiting up to ``timeout`` seconds for one;
        None: until one comes), then feed them."""
        busy = {worker.results: worker for worker in self.workers if worker.holding}
        for connection in multiprocessing.connection.wait(list(busy), timeout):
            worker = busy[connection]
            try:
                result = connection.recv()
            except EOFError:
                worker.process.join(timeout=1)
                raise BrokenProcessPool(f"a worker process stopped unexpectedly (exit code "
                                        f"{worker.process.exitcode}); no result came back for its batches") from None
            worker.holding.popleft().value = result
        self.feed()

    def result_of(self, future: BatchFuture) -> list[RecordResult]:
        while future.value is _PENDING:
            if self.todo:
                self.analyse_here(self.todo.popleft())
            else:
                self.collect(timeout=None)
        return future.value

    def analyse_here(self, future: BatchFuture) -> None:
        """Analyse a batch in this process, collecting and feeding between its records."""
        results = []
        for item, analysed_ids in future.batch:
            results.append(analyse_record(item, analysed_ids))
            self.collect()
        future.value = results

    def close(self) -> None:
        """Stop the workers: an idle one exits when told to; one still holding batches (the caller
        stopped early) is terminated."""
        for worker in self.workers:
            if worker.holding:
                worker.process.terminate()
            else:
                try:
                    worker.tasks.send(None)
                except OSError:  # it has gone already
                    pass
            worker.tasks.close()
            worker.results.close()


_PENDING = object()


@dataclass
class BatchFuture:
    """A batch (pickled when offered to a worker: its size tells whether it fits in the worker's
    pipe) and its results, once analysed (by a worker or the caller)."""

    team: CallerAndWorkers
    batch: list
    pickled: bytes = b""
    value: object = _PENDING

    def done(self) -> bool:
        self.team.collect()
        return self.value is not _PENDING

    def result(self) -> list[RecordResult]:
        return self.team.result_of(self)


@dataclass
class Worker:
    """A worker process, the pipes to and from it (``pages``: the memory pages its task pipe
    holds), and the batches it holds, oldest first."""

    process: multiprocessing.process.BaseProcess
    tasks: multiprocessing.connection.Connection
    results: multiprocessing.connection.Connection
    pages: int
    holding: deque = field(default_factory=deque)


def work_on_batches(tasks, results) -> None:
    """A worker process: analyse each batch received and send back its results, until told to
    stop (None) or the caller has gone."""
    try:
        while (batch := tasks.recv()) is not None:
            results.send(analyse_batch(batch))
    except (EOFError, BrokenPipeError, KeyboardInterrupt):
        pass


#: A pipe holds its bytes in memory pages of this size (Linux: the system's page size).
_PIPE_PAGE = 4096


def _pipe_pages(fd: int, wanted: int) -> int:
    """Widen a pipe to ``wanted`` bytes where the system allows it (Linux), and return how many
    pages it holds; where that cannot be known, 4 (only small batches are sent ahead)."""
    try:
        fcntl.fcntl(fd, fcntl.F_SETPIPE_SZ, wanted)
    except (AttributeError, OSError):  # no fcntl (Windows), no F_SETPIPE_SZ, or beyond the limit
        pass
    try:
        return fcntl.fcntl(fd, fcntl.F_GETPIPE_SZ) // _PIPE_PAGE
    except (AttributeError, OSError):
        return 4


def _pages(message: bytes) -> int:
    """The most pipe pages a message (with its length header) can take: a write fills the page
    the last one ended in only if it fits there, else starts a new page."""
    return len(message) // _PIPE_PAGE + 2


def serial_results(items: Iterable) -> Iterator[RecordResult]:
    """Results of ``items`` analysed one after another in this process, in input order,
    duplicates marked; a copy of an article already analysed stops after normalising."""
    seen: dict[str, tuple[str, int | None]] = {}  # filled as results are yielded
    return mark_duplicates(map(partial(analyse_record, analysed_ids=seen), items), seen)


@contextmanager
def fewer_gc_passes(threshold: int = 10_000):
    """Run the cyclic garbage collector less often (every ``threshold`` net allocations instead
    of 700) and over fewer objects while records are analysed, and restore it afterwards.

    A run allocates millions of short-lived row objects; with the default setting, collections
    walking every long-lived object (libraries, dictionaries, collected rows) took 3-12 % of a
    single-worker run (``benchmarks/bench_pipeline.py``). The objects that exist when the run
    starts (modules, the CMU dictionary, the tokenizer) are frozen (``gc.freeze``) for the run, so
    no collection walks them: about 0.34 -> 0.1 CPU s on the BBC corpus. Worker processes
    forked inside the block inherit both settings. A block inside another changes nothing.
    """
    if _GC_BLOCKS["open"]:  # (the enclosing block's settings hold; counting frozen objects walks them all)
        yield
        return
    previous = gc.get_threshold()
    freezes = gc.get_freeze_count() == 0  # not when the caller froze objects itself
    gc.set_threshold(max(threshold, previous[0]), *previous[1:])
    if freezes:
        gc.freeze()
    _GC_BLOCKS["open"] += 1
    try:
        yield
    finally:
        _GC_BLOCKS["open"] -= 1
        if freezes:
            gc.unfreeze()
        gc.set_threshold(*previous)


#: How many :func:`fewer_gc_passes` blocks are open in this process.
_GC_BLOCKS = {"open": 0}


def ordered_results(submit, batches_of_items: Iterable[list], max_in_flight: int,
                    while_waiting: Callable[[], None] | None = None) -> Iterator[RecordResult]:
    """Results of ``submit(batch)`` futures (:class:`CallerAndWorkers` or Dask), in input order, with at
    most ``max_in_flight`` batches submitted and not yet collected, so memory does not grow with
    the corpus. Batches are read lazily.

    Once every batch is submitted, ``while_waiting`` (if given) is called before waiting for each
    remaining batch that is not done: the caller's own work (building its tables) then overlaps
    the workers' last batches instead of following them.
    """
    pending: deque = deque()
    for batch in batches_of_items:
        pending.append(submit(batch))
        if len(pending) >= max_in_flight:
            yield from pending.popleft().result()
    while pending:
        if while_waiting is not None and not pending[0].done():
            while_waiting()
        yield from pending.popleft().result()


def batches(items: Iterable, size: int, last_singly: int = 0) -> Iterator[list]:
    """Consecutive lists of ``size`` items, read lazily (one may be shorter), and the last
    ``last_singly`` items (read ahead to know them) one per list: workers finishing a corpus then
    share its last records evenly, instead of one taking a whole last batch while the others
    wait."""
    ahead: deque = deque()
    for item in items:
        ahead.append(item)
        if len(ahead) == size + last_singly:
            yield [ahead.popleft() for _ in range(size)]
    if len(ahead) > last_singly:
        yield [ahead.popleft() for _ in range(len(ahead) - last_singly)]
    yield from ([item] for item in ahead)


def analyse_batch(batch: list[tuple[RawArticle | LoadIssue, tuple[str, ...]]]) -> list[RecordResult]:
    """:func:`analyse_record` over a batch of ``(record, analysed_ids)`` pairs: the unit of work
    sent to a worker."""
    return [analyse_record(item, analysed_ids) for item, analysed_ids in batch]


def dispatched_results(submit, items: Iterable, batch_size: int, max_in_flight: int,
                       while_waiting: Callable[[], None] | None = None) -> Iterator[RecordResult]:
    """Results of ``items`` analysed in batches by ``submit`` (a :class:`CallerAndWorkers`' or a
    Dask client's, applying :func:`analyse_batch`), in input order, duplicates marked.

    The last ``max_in_flight`` records go one per batch (see :func:`batches`). A record whose
    input repeats one whose result has already come back is sent with that article's id, so its
    worker stops after normalising it, as a single worker does (records still in flight when
    their copy is sent are analysed twice, and the copy dropped).
    """
    repeats = RepeatedInputs()
    tagged = (repeats.tag(batch) for batch in batches(items, batch_size, last_singly=max_in_flight))
    for result in mark_duplicates(ordered_results(submit, tagged, max_in_flight, while_waiting), {}):
        repeats.learn(result)
        yield result


class RepeatedInputs:
    """The article ids of records already analysed, by a digest of what normalising reads (format,
    text and fields): the same input always normalises to the same article."""

    def __init__(self):
        self.article_ids: dict[bytes, str] = {}
        self.in_flight: deque = deque()  # digests of the records sent and not yet learnt from

    def tag(self, batch: list) -> list[tuple[RawArticle | LoadIssue, tuple[str, ...]]]:
        """``(record, analysed_ids)`` pairs for :func:`analyse_batch`; call in input order."""
        pairs = []
        for item in batch:
            digest = input_digest(item)
            self.in_flight.append(digest)
            known = self.article_ids.get(digest)
            pairs.append((item, (known,) if known else ()))
        return pairs

    def learn(self, result: RecordResult) -> None:
        """Note the article id of the oldest record sent (results come back in input order)."""
        digest = self.in_flight.popleft()
        if digest is not None and result.report["article_id"]:
            self.article_ids.setdefault(digest, result.report["article_id"])


def input_digest(item: RawArticle | LoadIssue) -> bytes | None:
    """A digest of a raw record's format, text and fields (None for a load issue)."""
    if isinstance(item, LoadIssue):
        return None
    header = f"{item.source_format}\0{sorted(item.fields.items())!r}\0"
    return hashlib.blake2b((header + item.text).encode("utf-8", "surrogatepass"), digest_size=16).digest()


def mark_duplicates(results: Iterable[RecordResult], seen: dict) -> Iterator[RecordResult]:
    """Mark a loaded result ``duplicate`` when ``seen`` already holds its article id (the first
    copy in input order wins); every engine applies this to its ordered results."""
    for result in results:
        article_id = result.report["article_id"]
        if result.report["status"] == "loaded":
            if article_id in seen:
                source, record = seen[article_id]
                where = source if record is None else f"{source} record {record}"
                result.report.update(status="duplicate", reason=f"same text as {where}")
                result.rows = {}
            else:
                seen[article_id] = (result.report["source"], result.report["record"])
        yield result


def default_workers() -> int:
    """All available cores."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def analyze(paths, workers: int = 1, max_bytes: int = DEFAULT_MAX_BYTES,
            engine: str = "local", scheduler: str | None = None) -> Tables:
    """Analyse files or folders and return all tables as DataFrames.

    Args:
        paths: A path or a list of paths (files or folders, searched recursively).
        workers: Number of processes doing the work, this one included (1 = only this one; with a
            Dask scheduler, ignored).
        max_bytes: Inputs larger than this are skipped and reported.
        engine: ``local`` (processes on this machine) or ``dask`` (a Dask cluster).
        scheduler: Address of an existing Dask scheduler; None starts a local Dask cluster.

    Returns:
        :class:`~analysis.tables.Tables` with ``load_report``, ``articles``, ``paragraphs``,
        ``sentences``, ``quotes``, ``claims`` and ``readability``.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    builder = TableBuilder()
    with fewer_gc_passes():  # the last parts too
        for result in iter_engine_results(paths, workers, max_bytes, engine, scheduler, builder.catch_up):
            builder.add(result)
        return builder.tables()


def iter_engine_results(paths, workers: int, max_bytes: int, engine: str = "local",
                        scheduler: str | None = None,
                        while_waiting: Callable[[], None] | None = None) -> Iterator[RecordResult]:
    """:func:`iter_results` on the chosen engine (``local`` or ``dask``); the CLI and
    :func:`analyze` both come through here, passing their tables' ``catch_up`` as
    ``while_waiting``."""
    if engine == "dask":
        from .engines import iter_results_dask

        return iter_results_dask(paths, scheduler=scheduler, workers=workers, max_bytes=max_bytes,
                                 while_waiting=while_waiting)
    if engine != "local":
        raise ValueError(f"unknown engine {engine!r} (use 'local' or 'dask')")
    return iter_results(paths, workers=workers, max_bytes=max_bytes, while_waiting=while_waiting)
