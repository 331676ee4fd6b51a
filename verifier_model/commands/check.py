"""`verifier-model check PATH...`: accept or reject each program, with the kernel's error text.

Directories are walked for .s .asm .o .bin .log .txt files. Output: `--format text` (for people:
verdict, error lines, the failing instruction with two neighbours each side and its source line,
where the leaked reference was acquired, the path with branch directions; colour only on a tty
without NO_COLOR), `json` (an array), `jsonl` (one object per program), `sarif` (SARIF 2.1.0).

Exit status: 2 when some input could not be checked (unreadable, a parse error, or the model
could not decide: verdict `error`), else 1 when some program was rejected, else 0. A bad input
never stops the batch: it gets an `error` row and every other input is still checked.
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

from ..errors import InputError
from ..isa.opcodes import ProgType
from ..program import Program
from ..report import error_row, exit_status, fold, make_row, program_name, public

__all__ = ["CheckOptions", "add_arguments", "check_file", "fold", "iter_files", "run"]

SUFFIXES = {".s", ".asm", ".o", ".bin", ".log", ".txt"}
PROG_TYPES = {"xdp": ProgType.XDP, "tc": ProgType.SCHED_CLS, "sched_cls": ProgType.SCHED_CLS}
PROFILES = ("6.18", "6.18-orig", "patch-v4")
T = TypeVar("T")


@dataclass(frozen=True)
class CheckOptions:
    """How to check each program (picklable: triage sends it to worker processes)."""

    prog_type: str | None = None  # a PROG_TYPES key, or None for the file's own
    profile: str = "6.18"
    unprivileged: bool = False  # else: root, unless the file's header says `# profile: unprivileged`
    log_level: int = 0
    witness: bool = False
    time_limit: float = 30.0  # the model's own bound per program
    hard_limit: float | None = None  # wall-clock bound per program (SIGALRM, main thread only)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CheckOptions:
        return cls(prog_type=getattr(args, "prog_type", None), profile=getattr(args, "profile", "6.18"),
                   unprivileged=bool(getattr(args, "unprivileged", False)),
                   log_level=int(getattr(args, "log_level", 0) or 0), witness=bool(getattr(args, "witness", False)),
                   time_limit=float(getattr(args, "time_limit", 30.0)),
                   hard_limit=getattr(args, "hard_limit", None))


def add_common_arguments(p: argparse.ArgumentParser) -> None:
    """The options `check` and `triage` share."""
    p.add_argument("--prog-type", choices=sorted(PROG_TYPES), help="override the program type")
    p.add_argument("--unprivileged", action="store_true",
                   help="a loader without CAP_PERFMON / CAP_SYS_ADMIN (default: root, or what a corpus "
                        "file's '# profile:' line says)")
    p.add_argument("--profile", choices=PROFILES, default="6.18",
                   help="rule profile: 6.18 (default: the kernel build on our machines), 6.18-orig (the "
                        "first 6.18.44 build) or patch-v4 (the seed patch series' rules)")
    p.add_argument("--time-limit", type=float, default=30.0, metavar="S",
                   help="time bound of the model per program, seconds (default 30)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="program files or directories (walked)")
    add_common_arguments(p)
    p.add_argument("--format", choices=("text", "json", "jsonl", "sarif"), default="text")
    p.add_argument("--log-level", type=int, choices=(0, 1, 2), default=0,
                   help="also print the model's log in the kernel's format (text, json, jsonl)")
    p.add_argument("--witness", action="store_true",
                   help="ask z3 whether each rejecting path is real (concrete inputs when it is)")


def iter_files(paths: list[str]) -> list[Path]:
    """The files named, and the program files under the directories named (sorted)."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(f for f in path.rglob("*") if f.is_file() and f.suffix in SUFFIXES))
        else:
            out.append(path)
    return out


class HardTimeout(Exception):
    pass


@contextmanager
def _alarm(seconds: float | None) -> Iterator[None]:
    """Raise HardTimeout after `seconds` of wall-clock time (only in the main thread of a
    process: signals cannot interrupt other threads; elsewhere the model's own bound holds)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return

    def fire(signum: int, frame: object) -> None:
        raise HardTimeout

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _privileged(path: Path, opts: CheckOptions) -> bool:
    if opts.unprivileged:
        return False
    if path.suffix in (".s", ".asm", ".S"):
        from ..corpus import read_file

        try:
            return read_file(path).privileged
        except (OSError, ValueError):
            pass
    return True


def _guard(fn: Callable[[], T], seconds: float | None) -> T:
    with _alarm(seconds):
        return fn()


def check_file(path: str | Path, opts: CheckOptions) -> list[tuple[dict[str, Any], Program | None]]:
    """(row, program) for each program in the file. An input that cannot be read gives one
    `error` row (program None); a program the model crashes on or that exceeds the hard time
    bound gives an `error` row for that program, and the others are still checked."""
    from ..frontend import load
    from ..model import check

    path = Path(path)
    file = str(path)
    t0 = time.monotonic()
    pt = PROG_TYPES[opts.prog_type] if opts.prog_type else None
    try:
        programs = load(file, pt)
    except InputError as e:
        return [(error_row(file, str(e), line=e.line or None, duration=time.monotonic() - t0), None)]
    except Exception as e:  # noqa: BLE001 - a frontend crash on one file must not stop the batch
        return [(error_row(file, f"{file}: error: cannot read: {type(e).__name__}: {e}",
                           duration=time.monotonic() - t0), None)]
    if not programs:
        return [(error_row(file, f"{file}: error: no program in the file"), None)]
    privileged = _privileged(path, opts)
    out: list[tuple[dict[str, Any], Program | None]] = []
    for prog in programs:
        t1 = time.monotonic()
        try:
            res = _guard(lambda prog=prog: check(prog, profile=opts.profile, privileged=privileged,  # type: ignore[misc]
                                                 log_level=opts.log_level, time_limit=opts.time_limit),
                         opts.hard_limit)
        except HardTimeout:
            out.append((_prog_error_row(file, prog, f"timeout: no verdict within {opts.hard_limit:g} s",
                                        time.monotonic() - t1), prog))
            continue
        except Exception as e:  # noqa: BLE001 - a model crash on one program must not stop the batch
            out.append((_prog_error_row(file, prog, f"internal error: {type(e).__name__}: {e}",
                                        time.monotonic() - t1), prog))
            continue
        witness = None
        if opts.witness and res.verdict == "reject":
            witness = _witness(prog, res)
        out.append((make_row(file, prog, res, log=bool(opts.log_level), witness=witness), prog))
    return out


def _prog_error_row(file: str, prog: Program, message: str, duration: float) -> dict[str, Any]:
    try:
        pt = ProgType(prog.prog_type).name.lower()
    except ValueError:
        pt = str(int(prog.prog_type))
    return error_row(file, message, program=program_name(prog), prog_type=pt, duration=duration)


def _witness(prog: Program, res: Any) -> dict[str, Any]:
    from ..witness import explain_path

    try:
        return explain_path(prog, res)
    except Exception as e:  # noqa: BLE001 - a witness failure must not lose the verdict
        return {"feasible": None, "reason": f"witness failed: {type(e).__name__}: {e}"}


def render(pairs: list[tuple[dict[str, Any], Program | None]], fmt: str, out: Any) -> None:
    """Write the rows in `fmt` (text, json, jsonl, sarif) to `out`."""
    rows = [r for r, _ in pairs]
    if fmt == "jsonl":
        from ..report.jsonl import write_jsonl

        write_jsonl(rows, out)
    elif fmt == "json":
        from ..report.jsonl import write_json

        write_json(rows, out)
    elif fmt == "sarif":
        import json

        from ..report.sarif import to_sarif

        json.dump(to_sarif([public(r) for r in rows], [p for _, p in pairs]), out, indent=2, default=str)
        out.write("\n")
    else:
        from ..report.text import format_row, use_color

        color = use_color(out)
        for r, p in pairs:
            out.write(format_row(r, p, color=color))


def run(args: argparse.Namespace) -> int:
    files = iter_files(args.paths)
    if not files:
        raise InputError(args.paths[0], 0, 0, "no program files found")
    opts = CheckOptions.from_args(args)
    pairs: list[tuple[dict[str, Any], Program | None]] = []
    out = sys.stdout
    streaming = args.format in ("text", "jsonl")
    for f in files:
        got = check_file(f, opts)
        pairs.extend(got)
        if streaming:  # one file at a time, so a long batch shows progress
            render(got, args.format, out)
            out.flush()
    if not streaming:
        render(pairs, args.format, out)
    return exit_status([r for r, _ in pairs])
