"""Engines beyond one machine: run :func:`analysis.pipeline.analyse_record` on a Dask cluster.

The client walks the inputs and reads the files (:func:`analysis.load.load_paths`, lazily), ships
batches of raw records to the workers, and gets :class:`~analysis.pipeline.RecordResult` objects
back in input order. Workers never touch the file system, so the data only has to be visible to
the client; the workers need the ``analysis`` package (same version) and nothing else. Output
(rows, ids, order, duplicate marks) is identical to the local engine's.
"""

from __future__ import annotations

import logging
import os
from functools import partial
from typing import Callable, Iterable, Iterator

from .load import DEFAULT_MAX_BYTES, load_paths
from .pipeline import RecordResult, analyse_batch, dispatched_results

#: Raw records per Dask task: large enough to amortise the ~1 ms scheduling cost per task.
DEFAULT_BATCH_SIZE = 16
#: Tasks in flight per worker thread: keeps every thread busy while the oldest task is awaited.
TASKS_PER_THREAD = 4


def iter_results_dask(paths: Iterable[str | os.PathLike], scheduler: str | None = None,
                      batch_size: int = DEFAULT_BATCH_SIZE, max_bytes: int = DEFAULT_MAX_BYTES,
                      workers: int | None = None,
                      while_waiting: Callable[[], None] | None = None) -> Iterator[RecordResult]:
    """Yield one :class:`RecordResult` per input record, in input order, computed on Dask.

    Same output as :func:`analysis.pipeline.iter_results`. At most ``TASKS_PER_THREAD`` batches
    per worker thread are in flight, so memory does not grow with the corpus.

    Args:
        paths: Files or folders (searched recursively), read by this process.
        scheduler: Address of a running Dask scheduler (``tcp://host:8786``); None starts a
            :class:`distributed.LocalCluster` of single-threaded worker processes, closed at the end.
        batch_size: Raw records per task.
        max_bytes: Inputs larger than this are skipped and reported.
        workers: Worker processes of the local cluster (default: all cores); ignored with
            ``scheduler``.
        while_waiting: Called while the workers finish their last batches (see
            :func:`analysis.pipeline.ordered_results`).
    """
    from distributed import Client, LocalCluster

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
    client = Client(scheduler if cluster is None else cluster)
    try:
        window = TASKS_PER_THREAD * max(1, sum(client.nthreads().values()))
        items = load_paths(paths, max_bytes=max_bytes)
        submit = partial(client.submit, analyse_batch, pure=False)
        yield from dispatched_results(submit, items, batch_size, window, while_waiting)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
