"""`verifier-model triage DIR...`: check a corpus in parallel; a summary of verdicts by error
class, a veristat-style CSV, and veristat's compare mode against an earlier CSV.

- `--jobs N` worker processes (concurrent.futures.ProcessPoolExecutor; `--jobs 1` runs in this
  process), or `--cluster ADDRESS` a Dask distributed scheduler (`pip install .[cluster]`).
- Every program has a time bound: the model's own (`--time-limit`, it answers verdict `error`
  with extra['timeout']) and, in worker processes, a wall-clock alarm at `--hard-limit` (default
  twice the time limit plus 10 s) that turns a stalled program into an `error` row.
- The rows come out in file order whatever the parallelism, so a parallel run and a sequential
  one produce the same rows (durations aside).
- A progress bar on stderr when stderr is a terminal.

Exit status: 2 when some input could not be checked (verdict `error`), else 1 when `--compare`
found a verdict mismatch, else 0 (rejections are what a triage is for, not a failure).
"""
from __future__ import annotations

import argparse
import os
import sys
import time
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..report import error_row, public
from .check import CheckOptions, add_common_arguments, check_file, iter_files


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="DIR", help="directories (walked) or program files")
    p.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, metavar="N",
                   help="worker processes (default: the number of CPUs; 1 = in this process)")
    add_common_arguments(p)
    p.add_argument("--hard-limit", type=float, default=None, metavar="S",
                   help="wall-clock bound per program in a worker (default: 2 x time limit + 10 s)")
    p.add_argument("--csv", metavar="OUT", help="write veristat-style CSV here ('-' for stdout)")
    p.add_argument("--jsonl", metavar="OUT", help="write one JSON object per program here ('-' for stdout)")
    p.add_argument("--compare", metavar="OLD.csv",
                   help="compare with an earlier CSV (ours or veristat's), side by side with DIFF columns")
    p.add_argument("--cluster", metavar="ADDRESS",
                   help="run on a Dask distributed scheduler (tcp://host:port) instead of local processes")
    p.add_argument("--quiet", action="store_true", help="no summary table")


def options(args: argparse.Namespace) -> CheckOptions:
    base = CheckOptions.from_args(args)
    hard = args.hard_limit if getattr(args, "hard_limit", None) else 2 * base.time_limit + 10
    return CheckOptions(prog_type=base.prog_type, profile=base.profile, unprivileged=base.unprivileged,
                        log_level=0, witness=False, time_limit=base.time_limit, hard_limit=hard)


def check_one(file: str, opts: CheckOptions) -> list[dict[str, Any]]:
    """The rows of one file (runs in a worker: module-level and picklable)."""
    try:
        return [public(r) for r, _ in check_file(file, opts)]
    except Exception as e:  # noqa: BLE001 - never lose a file's row
        return [error_row(file, f"{file}: error: internal error: {type(e).__name__}: {e}")]


class Progress:
    """`[#####.....] 123/788 files  12.3 s` on stderr, redrawn in place; silent off a tty."""

    def __init__(self, total: int, stream: IO[str] | None = None) -> None:
        self.total, self.done = total, 0
        self.stream = stream or sys.stderr
        try:
            self.on = self.stream.isatty()
        except (AttributeError, ValueError):
            self.on = False
        self.t0 = time.monotonic()

    def step(self, n: int = 1) -> None:
        self.done += n
        if not self.on:
            return
        width = 30
        fill = width * self.done // max(self.total, 1)
        self.stream.write(f"\r[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} files "
                          f"{time.monotonic() - self.t0:6.1f} s")
        self.stream.flush()

    def close(self) -> None:
        if self.on:
            self.stream.write("\r" + " " * 70 + "\r")
            self.stream.flush()


def run_local(files: list[str], opts: CheckOptions, jobs: int, progress: Progress | None = None
              ) -> list[dict[str, Any]]:
    """Rows of every file, in file order; `jobs` worker processes (1: here)."""
    results: list[list[dict[str, Any]] | None] = [None] * len(files)
    if jobs <= 1 or len(files) <= 1:
        for k, f in enumerate(files):
            results[k] = check_one(f, opts)
            if progress:
                progress.step()
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            pending: dict[Future[list[dict[str, Any]]], int] = {
                pool.submit(check_one, f, opts): k for k, f in enumerate(files)}
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    k = pending.pop(fut)
                    try:
                        results[k] = fut.result()
                    except Exception as e:  # noqa: BLE001 - e.g. a worker killed by the OOM killer
                        results[k] = [error_row(files[k], f"{files[k]}: error: worker failed: "
                                                          f"{type(e).__name__}: {e}")]
                    if progress:
                        progress.step()
    return [row for rows in results for row in (rows or [])]


def run_cluster(files: list[str], opts: CheckOptions, address: str, progress: Progress | None = None
                ) -> list[dict[str, Any]]:
    """Rows of every file, in file order, computed on a Dask distributed cluster. Dask runs tasks
    in worker threads, where no alarm can interrupt them: the model's own time bound holds there."""
    try:
        from dask.distributed import Client, as_completed
    except ImportError:
        raise InputError(address, 0, 0, "--cluster needs dask.distributed: pip install 'verifier_model[cluster]'"
                         ) from None
    results: list[list[dict[str, Any]] | None] = [None] * len(files)
    with Client(address) as client:
        futures = client.map(check_one, files, opts=opts, pure=False)
        index = {f.key: k for k, f in enumerate(futures)}
        for fut in as_completed(futures):
            k = index[fut.key]
            try:
                results[k] = fut.result()
            except Exception as e:  # noqa: BLE001
                results[k] = [error_row(files[k], f"{files[k]}: error: worker failed: {type(e).__name__}: {e}")]
            if progress:
                progress.step()
    return [row for rows in results for row in (rows or [])]


def _open(path: str) -> IO[str]:
    return sys.stdout if path == "-" else open(path, "w", newline="")


def run(args: argparse.Namespace) -> int:
    files = [str(f) for f in iter_files(args.paths)]
    if not files:
        raise InputError(args.paths[0], 0, 0, "no program files found")
    old = None
    if args.compare:
        from ..report.csv import read_csv

        try:
            old = read_csv(Path(args.compare).read_text())
        except OSError as e:
            raise InputError(args.compare, 0, 0, f"cannot read: {e.strerror or e}") from None
    opts = options(args)
    progress = Progress(len(files))
    t0 = time.monotonic()
    try:
        if args.cluster:
            rows = run_cluster(files, opts, args.cluster, progress)
        else:
            rows = run_local(files, opts, max(1, args.jobs), progress)
    finally:
        progress.close()
    wall = time.monotonic() - t0
    if args.csv:
        from ..report.csv import write_csv

        f = _open(args.csv)
        try:
            write_csv(rows, f)
        finally:
            if f is not sys.stdout:
                f.close()
    if args.jsonl:
        from ..report.jsonl import write_jsonl

        f = _open(args.jsonl)
        try:
            write_jsonl(rows, f)
        finally:
            if f is not sys.stdout:
                f.close()
    to_stdout = "-" in (args.csv, args.jsonl)
    report = sys.stderr if to_stdout else sys.stdout
    if not args.quiet:
        from ..report.text import summary_table

        report.write(summary_table(rows))
        workers = f"cluster {args.cluster}" if args.cluster else f"{max(1, args.jobs)} job(s)"
        report.write(f"{len(files)} files, {len(rows)} programs in {wall:.2f} s ({workers})\n")
    status = 2 if any(r["verdict"] == "error" for r in rows) else 0
    if old is not None:
        from ..report.csv import compare, format_table

        headers, table = compare(old, rows)
        report.write("\n" + format_table(headers, table))
        mismatches = sum(1 for r in table if r[4] == "MISMATCH")
        report.write(f"{mismatches} verdict mismatch(es) of {len(table)} programs\n")
        if mismatches and status == 0:
            status = 1
    report.flush()
    return status
