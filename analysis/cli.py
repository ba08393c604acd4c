"""Command line: ``python -m analysis analyze INPUT [INPUT ...] --out DIR``.

A thin layer over :func:`analysis.pipeline.iter_results`, the same code path as the Python API.
"""

from __future__ import annotations

import argparse
import sys
import time

from .load import DEFAULT_MAX_BYTES
from .pipeline import default_workers, iter_engine_results
from .schema import markdown
from .tables import TableWriter


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    analyze = commands.add_parser("analyze", help="analyse articles and write the tables")
    analyze.add_argument("inputs", nargs="+", metavar="INPUT", help="files or folders (searched recursively)")
    analyze.add_argument("--out", required=True, metavar="DIR", help="folder for the output tables")
    analyze.add_argument("--format", choices=("csv", "parquet"), default="csv")
    analyze.add_argument("--workers", type=int, default=None, metavar="N",
                         help="worker processes (default: all cores; with --scheduler: the cluster's)")
    analyze.add_argument("--engine", choices=("local", "dask"), default="local",
                         help="local processes, or a Dask cluster (default: local)")
    analyze.add_argument("--scheduler", metavar="ADDRESS",
                         help="Dask scheduler to use, e.g. tcp://host:8786 (default: a local Dask cluster)")
    analyze.add_argument("--max-bytes", type=int, default=DEFAULT_MAX_BYTES, metavar="N",
                         help=f"skip input files larger than this (default {DEFAULT_MAX_BYTES:,})")
    commands.add_parser("schema", help="print the tables' columns as Markdown")
    return parser


def run_analyze(args) -> int:
    workers = args.workers or default_workers()
    if workers < 1:
        print("error: --workers must be at least 1", file=sys.stderr)
        return 2
    if args.scheduler and args.engine != "dask":
        print("error: --scheduler needs --engine dask", file=sys.stderr)
        return 2
    started = time.perf_counter()
    writer = TableWriter(args.out, args.format)
    counts: dict[str, int] = {}
    results = iter_engine_results(args.inputs, workers, args.max_bytes, args.engine, args.scheduler, writer.catch_up)
    if sys.stderr.isatty():
        from tqdm import tqdm

        results = tqdm(results, unit=" records", desc="analysing", file=sys.stderr)
    for result in results:
        writer.add(result)
        status = result.report["status"]
        counts[status] = counts.get(status, 0) + 1
    writer.close()
    seconds = time.perf_counter() - started
    summary = ", ".join(f"{counts.get(s, 0)} {s}" for s in ("loaded", "duplicate", "skipped", "failed"))
    print(f"analysed {counts.get('loaded', 0)} articles ({summary}) in {seconds:.1f} s -> {args.out}",
          file=sys.stderr)
    if not counts.get("loaded"):
        print("error: no article could be analysed (see load_report)", file=sys.stderr)
        return 1
    return 0


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command == "schema":
        print(markdown())
        return 0
    return run_analyze(args)
