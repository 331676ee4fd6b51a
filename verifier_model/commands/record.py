"""verifier-model record FILES/DIRS...: load each program into the running kernel and write
its verdict into the file's `# kernel...:` header (privileged, unless `# profile: unprivileged`)."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import corpus
from ..errors import InputError
from ..isa.opcodes import PROG_TYPE_NAMES, ProgType

PROGRAM_SUFFIXES = (".s", ".asm")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR",
                        help="program files; directories are searched for *.s files")
    add_prog_type_argument(parser)
    parser.add_argument("--dry-run", action="store_true",
                        help="print the headers that would be written; change no file")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS",
                        help="bound on each load (default: %(default)s)")


def add_prog_type_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--prog-type", type=parse_prog_type, metavar="TYPE",
                        help=f"program type, overriding the file's section ({', '.join(PROG_TYPE_NAMES)} "
                        "or a number)")


def parse_prog_type(text: str) -> ProgType:
    try:
        return ProgType(int(text)) if text.isdigit() else PROG_TYPE_NAMES[text.lower()]
    except (KeyError, ValueError):
        raise argparse.ArgumentTypeError(f"unknown program type {text!r}") from None


def program_files(paths: Iterable[str]) -> Iterator[Path]:
    """Files as given; directories walked (sorted) for program files."""
    for p in map(Path, paths):
        if p.is_dir():
            yield from sorted(f for f in p.rglob("*") if f.suffix in PROGRAM_SUFFIXES and f.is_file())
        else:
            yield p


def run(args: argparse.Namespace) -> int:
    from .. import kernel

    ok, reason = kernel.available()
    if not ok:
        print(f"verifier-model record: the kernel oracle is unavailable: {reason}", file=sys.stderr)
        return 2
    from ..frontend import load as load_programs

    release = kernel.kernel_release()
    status = 0
    for path in program_files(args.paths):
        try:
            header = corpus.read_file(path)
            programs = load_programs(str(path), args.prog_type)
        except (InputError, ValueError, OSError) as e:
            print(str(e) if isinstance(e, InputError) else f"{path}: error: {e}", file=sys.stderr)
            status = 2
            continue
        if not programs:
            print(f"{path}: error: no program in the file", file=sys.stderr)
            status = 2
            continue
        if len(programs) > 1:
            print(f"{path}: warning: {len(programs)} programs; recording the first "
                  f"({programs[0].section or programs[0].name})", file=sys.stderr)
        result = kernel.load(programs[0], privileged=header.privileged, timeout=args.timeout)
        if result.verdict not in ("accept", "reject"):
            print(f"{path}: error: {result.extra.get('reason', 'the load gave no verdict')}", file=sys.stderr)
            status = max(status, 1)
            continue
        expectation = corpus.Expectation.from_result(result, release)
        if args.dry_run:
            print(f"==> {path}")
            print("\n".join(expectation.header_lines()))
            continue
        changed = corpus.write_file(path, expectation)
        print(f"{path}: {summary(expectation)}{'' if changed else ' (unchanged)'}")
    return status


def summary(e: corpus.Expectation) -> str:
    if e.verdict == "accept":
        return f"accept, {e.processed} insns processed"
    where = f" at insn {e.insn}" if e.insn is not None else " at load time"
    first = f": {e.errors[0]}" if e.errors else ""
    return f"reject {e.errno or ''}{where}{first}"
