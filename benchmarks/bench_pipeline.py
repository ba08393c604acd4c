"""Corpus-scale speed and memory of the pipeline (issue 6). Prints a table, not a test.

For each corpus (the bundled data/raw and, when present, the research-only BBC news corpus,
Greene & Cunningham 2006, read in place and never copied into the repo):

* articles/s of each stage (load, normalise, segment, quotes, claims, readability), one process;
* end to end, ``analysis.analyze(paths, workers=1)`` (files in, Tables of DataFrames out);
* the yardstick in the same run: textstat's seven formulas alone on every raw record's text;
  target: end to end <= 1.5x the yardstick's time;
* ``analyze(paths, workers=2)``; target: >= 1.7x faster than 1 worker;
* the yardstick and both end-to-end runs are repeated ``--repeat`` times (default 3), back to
  back in each round, and each ratio is taken within a round (runs made under the same machine
  load); the table shows medians over the rounds (for a ratio, the median of the rounds' ratios)
  and each ratio's range, since on a shared virtual machine one run can be 10-15 % off the next;
* where the single-worker end-to-end CPU seconds go: the same ``analyze()`` run with every
  stage function wrapped in a CPU clock, plus garbage collection (timed by ``gc.callbacks`` and
  taken out of the stage it interrupted), table assembly, and the rest (reading files, per-record
  plumbing, duplicate marking); the parts add up to the run;
* peak RSS of ``python -m analysis analyze --workers 1`` on the corpus and on 4 copies of it;
  target: 4x peak <= 1.2x the 1x peak. Each copy gets a unique sentence inserted into every
  article (so no copy is marked a duplicate); 1x is made the same way, in a temp dir.

Every timing runs in a fresh process after a warm-up on an inline text (imports, the CMU
dictionary), so no side starts with the other's caches. Reading the files is outside the
yardstick's clock (the yardstick gets the decoded texts) but inside the end-to-end clock. Both
wall-clock and CPU seconds (worker processes included) are shown: the end-to-end/textstat target
is judged on CPU time, which other processes on a shared machine barely move; the speed-up can
only be judged on wall-clock time, so it needs two idle cores (the CPU ratio beside it shows the
parallel overhead).

Usage: python benchmarks/bench_pipeline.py [--corpus DIR] [--bbc DIR] [--quick] [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import json
import multiprocessing
import os
import resource
import subprocess
import sys
import tempfile
import time
from itertools import islice
from statistics import median
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from analysis.load import TEXT_FIELDS, RawArticle, decode, iter_files, load_paths  # noqa: E402

BUNDLED = REPO / "data" / "raw"
BBC = REPO / ".." / "shared" / "data" / "research-only" / "bbc-news" / "bbc"
QUICK_FILES = 100  # --quick: at most this many files per corpus
TARGET_RATIO, TARGET_SPEEDUP, TARGET_RSS = 1.5, 1.7, 1.2
YARDSTICK = "textstat alone, 7 formulas"
WARM_UP = ("“The bridge will reopen in March,” said Jane Doe, the city’s transport director.\n\n"
           "The repairs cost $2.3 million, about 3.5% more than planned, officials said on Monday.")


def shown(path: Path) -> str:
    """``path`` relative to the repo when it is in the repo or beside it (as ../shared is)."""
    return os.path.relpath(path, REPO) if path.resolve().is_relative_to(REPO.parent) else str(path)


def corpus_files(folder: Path, limit: int | None) -> list[str]:
    """The corpus's files in the pipeline's own (sorted) order, at most ``limit`` of them."""
    return [path for path, problem in islice(iter_files([folder]), limit) if problem is None]


# --- measurements, each run in a fresh process (``--part``) --------------------------------

def warm_up() -> None:
    """Imports, the CMU dictionary and compiled regexes: one-off costs kept off every clock."""
    from analysis import readability  # first: wires the packaged CMU dictionary into textstat
    from analysis.pipeline import analyse_record
    import textstat

    for metric in readability.METRICS:
        getattr(textstat, metric)(WARM_UP)
    analyse_record(RawArticle("warm-up.txt", None, "text", WARM_UP))


def time_textstat(files: list[str]) -> dict:
    """textstat's seven formulas on every raw record's text (decoding done before the clock)."""
    from analysis.readability import METRICS
    import textstat

    texts = [item.text for item in load_paths(files) if isinstance(item, RawArticle)]
    timings: dict[str, tuple[int, float, float]] = {}
    _timed(timings, YARDSTICK, lambda: [getattr(textstat, metric)(text) for text in texts for metric in METRICS])
    timings[YARDSTICK] = (len(texts), *timings[YARDSTICK][1:])
    return timings


def time_end_to_end(files: list[str], workers: int) -> dict:
    """``analyze()``; counts records analysed, duplicates included (with one worker a copy stops
    after normalising; with more it is analysed, then dropped)."""
    from analysis import analyze

    timings: dict[str, tuple[int, float, float]] = {}
    label = f"end to end, {workers} worker" + ("s" if workers > 1 else "")
    tables = _timed(timings, label, lambda: analyze(files, workers=workers))
    analysed = int(tables.load_report.status.isin(["loaded", "duplicate"]).sum())
    timings[label] = (analysed, *timings[label][1:])
    return timings


def time_stages(files: list[str]) -> dict:
    """Each stage over all articles in turn (stage-major), in this process."""
    from analysis import claims, quotes, readability
    from analysis.normalise import normalise
    from analysis.segment import segment

    timings: dict[str, tuple[int, float, float]] = {}
    raw = _timed(timings, "load", lambda: [item for item in load_paths(files) if isinstance(item, RawArticle)])
    articles = _timed(timings, "normalise", lambda: [a for a in map(normalise, raw) if a["body"].strip()])
    segmented = _timed(timings, "segment", lambda: [segment(a["article_id"], a["body"]) for a in articles])
    found = _timed(timings, "quotes", lambda: [quotes.extract_quotes(a, paragraphs, sentences)
                                               for a, (paragraphs, sentences) in zip(articles, segmented)])
    _timed(timings, "claims", lambda: [claims.extract_claims(a, sentences, q)
                                       for a, (_, sentences), q in zip(articles, segmented, found)])
    _timed(timings, "readability", lambda: [readability.measure(a, paragraphs, sentences, q)
                                            for a, (paragraphs, sentences), q in zip(articles, segmented, found)])
    return timings


ATTRIBUTED = ("load (read and decode files)", "normalise", "segment", "quotes", "claims", "readability",
              "table assembly (DataFrames)", "garbage collection")


def time_attribution(files: list[str]) -> dict:
    """Split one ``analyze(files, workers=1)`` run into :data:`ATTRIBUTED` parts plus the rest."""
    import gc

    from analysis import analyze, claims, pipeline, quotes, readability, tables

    spent = dict.fromkeys(ATTRIBUTED, 0.0)
    collecting = {"since": 0.0}

    def on_gc(phase, info):
        if phase == "start":
            collecting["since"] = time.process_time()
        else:
            spent["garbage collection"] += time.process_time() - collecting["since"]

    def clocked(label, function):
        def run(*args, **kwargs):
            start, collected = time.process_time(), spent["garbage collection"]
            try:
                return function(*args, **kwargs)
            finally:
                spent[label] += time.process_time() - start - (spent["garbage collection"] - collected)
        return run

    def clocked_iterator(label, function):
        def run(*args, **kwargs):
            iterator, step, done = function(*args, **kwargs), clocked(label, next), object()
            while (item := step(iterator, done)) is not done:
                yield item
        return run

    pipeline.load_paths = clocked_iterator(ATTRIBUTED[0], pipeline.load_paths)
    pipeline.normalise = clocked("normalise", pipeline.normalise)
    pipeline.segment = clocked("segment", pipeline.segment)
    quotes.extract_quotes = clocked("quotes", quotes.extract_quotes)
    claims.extract_claims = clocked("claims", claims.extract_claims)
    readability.measure = clocked("readability", readability.measure)
    tables.TableBuilder.build_parts = clocked("table assembly (DataFrames)", tables.TableBuilder.build_parts)
    tables.joined = clocked("table assembly (DataFrames)", tables.joined)
    gc.callbacks.append(on_gc)
    start = time.process_time()
    analyze(files, workers=1)
    total = time.process_time() - start
    gc.callbacks.remove(on_gc)
    spent["other (plumbing, duplicate marks, row collection)"] = total - sum(spent.values())
    return {label: (0, 0.0, seconds) for label, seconds in spent.items()}


def _timed(timings: dict, label: str, compute):
    """Run ``compute()``; record (len of its value, wall seconds, CPU seconds) under ``label``."""
    start, cpu_start = time.perf_counter(), _cpu_seconds()
    value = compute()
    wall = time.perf_counter() - start  # the caller has its value: worker processes may still be exiting
    while multiprocessing.active_children():  # joins the finished ones, so that their CPU time counts
        time.sleep(0.001)
    timings[label] = (len(value) if isinstance(value, list) else 0, wall, _cpu_seconds() - cpu_start)
    return value


def _cpu_seconds() -> float:
    """CPU seconds of this process and its joined children."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def run_part(part: str, files: list[str], workers: int) -> dict:
    """Run one measurement in a fresh interpreter; returns {label: (articles, wall s, CPU s)}."""
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False) as listing:
        json.dump(files, listing)
    try:
        done = subprocess.run([sys.executable, __file__, "--part", part, "--workers", str(workers),
                               "--files", listing.name], capture_output=True, text=True, check=True)
    finally:
        os.unlink(listing.name)
    return {label: tuple(value) for label, value in json.loads(done.stdout.splitlines()[-1]).items()}


# --- peak memory of the CLI ----------------------------------------------------------------

def write_copies(files: list[str], root: Path, dest: Path, copies: int) -> None:
    """Write ``copies`` distinct copies of the corpus: a unique sentence inside every article."""
    for copy in range(copies):
        marker = f"This is copy {copy} of the article, kept to measure memory."
        for path in files:
            source, target = Path(path), dest / f"copy{copy}" / Path(path).relative_to(root)
            target.parent.mkdir(parents=True, exist_ok=True)
            if source.suffix.lower() in (".csv", ".tsv"):
                _copy_csv(source, target, marker)
            else:
                target.write_text(with_marker(decode(source.read_bytes())[0], marker), encoding="utf-8")


def with_marker(text: str, marker: str) -> str:
    """``text`` with ``marker`` as a new sentence after the first full stop past its middle
    (inside the article body, where page-furniture removal keeps it), else at the end."""
    cut = text.find(". ", len(text) // 2)
    return f"{text}\n\n{marker}\n" if cut < 0 else f"{text[:cut + 1]} {marker}{text[cut + 1:]}"


def _copy_csv(source: Path, target: Path, marker: str) -> None:
    delimiter = "\t" if source.suffix.lower() == ".tsv" else ","
    with open(source, newline="", encoding="utf-8") as src, open(target, "w", newline="", encoding="utf-8") as out:
        reader = csv.DictReader(src, delimiter=delimiter)
        text_field = next(f for f in reader.fieldnames if f.lower() in TEXT_FIELDS)
        writer = csv.DictWriter(out, reader.fieldnames, delimiter=delimiter)
        writer.writeheader()
        for row in reader:
            writer.writerow({**row, text_field: with_marker(row[text_field], marker)})


def cli_peak_rss(folder: Path, out: Path) -> tuple[float, float, str]:
    """(peak RSS in MiB, wall seconds, summary line) of one single-worker CLI run."""
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "analysis", "analyze", str(folder), "--out", str(out),
                                "--workers", "1"], cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    stderr = process.stderr.read().decode()
    _, status, usage = os.wait4(process.pid, 0)  # reaps the child: its own peak RSS
    process.returncode = os.waitstatus_to_exitcode(status)  # tell Popen it has been reaped
    if process.returncode != 0:
        raise RuntimeError(f"CLI failed on {folder}: {stderr}")
    return usage.ru_maxrss / 1024, time.perf_counter() - start, stderr.strip().splitlines()[-1]


def memory_rows(files: list[str], root: Path) -> list[tuple]:
    rows, peaks = [], {}
    with tempfile.TemporaryDirectory(prefix="bench-pipeline-") as tmp:
        for copies in (1, 4):
            corpus = Path(tmp) / f"x{copies}"
            write_copies(files, root, corpus, copies)
            peak, seconds, summary = cli_peak_rss(corpus, Path(tmp) / f"out{copies}")
            peaks[copies] = peak
            n_articles = int(summary.split()[1])
            rows.append((f"CLI --workers 1, {copies}x corpus", n_articles, seconds, None, f"peak RSS {peak:.0f} MiB"))
    rows.append(("peak RSS 4x / 1x", None, None, None, _against(peaks[4] / peaks[1], TARGET_RSS, "<=")))
    return rows


# --- report --------------------------------------------------------------------------------

def _against(value: float, target: float, sense: str) -> str:
    met = value <= target if sense == "<=" else value >= target
    return f"{value:.2f}x (target {sense} {target}x: {'met' if met else 'MISSED'})"


def timing_rounds(files: list[str], repeat: int) -> list[dict]:
    """``repeat`` rounds of the yardstick and the end-to-end runs with 1 and 2 workers, each
    round's runs back to back."""
    rounds = []
    for _ in range(repeat):
        timings = run_part("textstat", files, 1)
        for workers in (1, 2):
            timings.update(run_part("e2e", files, workers))
        rounds.append(timings)
    return rounds


def round_ratios(timings: dict) -> dict[str, float]:
    """One round's ratios: end to end (1 worker) / textstat in CPU and wall-clock time, the
    speed-up with 2 workers (wall-clock), and the CPU 2 workers use relative to 1."""
    (_, wall1, cpu1), (_, wall2, cpu2) = timings["end to end, 1 worker"], timings["end to end, 2 workers"]
    _, yard_wall, yard_cpu = timings[YARDSTICK]
    return {"ratio": cpu1 / yard_cpu, "wall ratio": wall1 / yard_wall, "speedup": wall1 / wall2,
            "cpu": cpu2 / cpu1}


def _spread(values: list[float]) -> str:
    """``; rounds a-bx``, the range over rounds, when there were several."""
    return f"; rounds {min(values):.2f}-{max(values):.2f}x" if len(values) > 1 else ""


def bench_corpus(folder: Path, limit: int | None, repeat: int) -> list[tuple]:
    """Rows (measure, articles, wall s, CPU s, note) for one corpus."""
    files = corpus_files(folder, limit)
    rounds = timing_rounds(files, repeat)
    ratios = [round_ratios(timings) for timings in rounds]
    timings = {label: (articles, median(r[label][1] for r in rounds), median(r[label][2] for r in rounds))
               for label, (articles, _, _) in rounds[0].items()}
    timings.update(run_part("stages", files, 1))
    split = run_part("attribution", files, 1)
    rows = [(label, *measured, f"median of {repeat} rounds" if label in rounds[0] and repeat > 1 else "")
            for label, measured in timings.items()]
    ratio, wall_ratio, speedup, cpu_used = ([r[key] for r in ratios] for key in ("ratio", "wall ratio", "speedup", "cpu"))
    rows.append(("end to end (1 worker) / textstat alone, CPU time", None, None, None,
                 _against(median(ratio), TARGET_RATIO, "<=") + _spread(ratio)
                 + f"; wall-clock {median(wall_ratio):.2f}x"))
    rows.append(("speedup, 2 workers (wall-clock)", None, None, None,
                 _against(median(speedup), TARGET_SPEEDUP, ">=") + _spread(speedup)
                 + f"; CPU used {median(cpu_used):.2f}x that of 1 worker"))
    yard_cpu = timings[YARDSTICK][2]
    split_total = sum(cpu for _, _, cpu in split.values())
    rows.append(("end to end, 1 worker, split into parts (another run)", None, None, split_total,
                 f"{split_total / yard_cpu:.2f}x textstat"))
    rows += [(f"part: {label}", None, None, cpu, f"{cpu / split_total:.0%} of the run; {cpu / yard_cpu:.2f}x textstat")
             for label, (_, _, cpu) in split.items()]
    return rows + memory_rows(files, folder)


def print_table(name: str, files: int, rows: list[tuple]) -> None:
    print(f"\n{name} ({files} files)\n")
    print("| measure | articles | wall s | CPU s | articles/s (wall) | note |")
    print("|---|---:|---:|---:|---:|---|")
    for label, n, wall, cpu, note in rows:
        cells = ["" if wall is None else n, "" if wall is None else f"{wall:.2f}", "" if cpu is None else f"{cpu:.2f}",
                 "" if wall is None else f"{n / wall:.1f}"]
        print(f"| {label} | " + " | ".join(map(str, cells)) + f" | {note} |")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=BUNDLED, help="bundled corpus (default data/raw)")
    parser.add_argument("--bbc", type=Path, default=BBC, help="BBC news folder (research-only; skipped if absent)")
    parser.add_argument("--quick", action="store_true", help=f"at most {QUICK_FILES} files per corpus")
    parser.add_argument("--repeat", type=int, default=3, help="rounds of the timed end-to-end runs (default 3)")
    parser.add_argument("--part", choices=("textstat", "stages", "e2e", "attribution"), help=argparse.SUPPRESS)
    parser.add_argument("--workers", type=int, default=1, help=argparse.SUPPRESS)
    parser.add_argument("--files", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.part:
        files = json.loads(Path(args.files).read_text())
        warm_up()
        measure = {"textstat": time_textstat, "stages": time_stages, "attribution": time_attribution,
                   "e2e": lambda f: time_end_to_end(f, args.workers)}[args.part]
        print(json.dumps(measure(files)))
        return 0

    print("command: python " + " ".join([os.path.relpath(__file__, REPO), *(argv or sys.argv[1:])]))
    print(f"cores available: {len(os.sched_getaffinity(0))}; load average at start: "
          + " ".join(f"{v:.1f}" for v in os.getloadavg()))
    limit = QUICK_FILES if args.quick else None
    for kind, folder in (("bundled corpus", args.corpus), ("BBC news", args.bbc)):
        name = f"{kind} {shown(folder)}"
        if not folder.is_dir():
            print(f"\n{name}: skipped: data not found")
            continue
        files = corpus_files(folder, limit)
        print_table(name, len(files), bench_corpus(folder, limit, max(1, args.repeat)))
    print("\nload average at end: " + " ".join(f"{v:.1f}" for v in os.getloadavg())
          + " (other processes on the machine slow the wall-clock figures)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
