"""verifier-model record FILES/DIRS...: load each program into the running kernel and write
its verdict into the file's `# kernel...:` header (privileged, unless `# profile: unprivileged`).

A BPF ELF object (`foo.o`, as clang builds it) cannot carry a header: every program in it is
loaded and the verdicts go to the sidecar `foo.expect.json` (`expect_path`), one entry per
program: verdict, errno, insn, error lines, processed count, kernel version, and the object's
sha256 (so a reader can tell whether the object was rebuilt since).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from .. import corpus
from ..errors import InputError
from ..isa.opcodes import PROG_TYPE_NAMES, ProgType

PROGRAM_SUFFIXES = (".s", ".asm", ".o")
OBJECT_SUFFIXES = (".o",)
EXPECT_SUFFIX = ".expect.json"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR",
                        help="program files; directories are searched for *.s, *.asm and *.o files")
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
        if path.suffix in OBJECT_SUFFIXES or _is_elf(path):
            status = max(status, record_object(path, args, release))
            continue
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


def _is_elf(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(4) == b"\x7fELF"
    except OSError:
        return False


def expect_path(obj: str | Path) -> Path:
    """Where the expectations of an ELF object are recorded: foo.o -> foo.expect.json."""
    p = Path(obj)
    return p.with_name(p.stem + EXPECT_SUFFIX)


def read_expect(obj: str | Path) -> dict:
    """The recorded sidecar of an ELF object: {"object", "sha256", "kernel-version",
    "programs": [{"name", "section", "prog_type", "verdict", "errno", "insn", "errors",
    "processed"}, ...]} (FileNotFoundError when it was never recorded)."""
    return json.loads(expect_path(obj).read_text())


def object_digest(obj: str | Path) -> str:
    return hashlib.sha256(Path(obj).read_bytes()).hexdigest()


def record_object(path: Path, args: argparse.Namespace, release: str) -> int:
    """Load every program of the ELF object at `path` and write its sidecar; exit status."""
    from .. import kernel
    from ..frontend import load as load_programs

    try:
        programs = load_programs(str(path), args.prog_type)
    except (InputError, ValueError, OSError) as e:
        print(str(e) if isinstance(e, InputError) else f"{path}: error: {e}", file=sys.stderr)
        return 2
    entries = []
    for program in programs:
        result = kernel.load(program, timeout=args.timeout)
        if result.verdict not in ("accept", "reject"):
            print(f"{path}: {program.name}: error: {result.extra.get('reason', 'the load gave no verdict')}",
                  file=sys.stderr)
            return 1
        e = corpus.Expectation.from_result(result, release)
        entries.append({
            "name": program.name, "section": program.section, "prog_type": program.prog_type.name.lower(),
            "verdict": e.verdict, "errno": e.errno, "insn": e.insn, "errors": list(e.errors),
            "processed": e.processed,
        })
        print(f"{path}: {program.name}: {summary(e)}")
    doc = {"object": path.name, "sha256": object_digest(path), "kernel-version": release, "programs": entries}
    text = json.dumps(doc, indent=2) + "\n"
    out = expect_path(path)
    if args.dry_run:
        print(f"==> {out}")
        print(text, end="")
        return 0
    old = out.read_text() if out.exists() else None
    if old != text:
        out.write_text(text)
    print(f"{out}: {len(entries)} program(s){'' if old != text else ' (unchanged)'}")
    return 0


def summary(e: corpus.Expectation) -> str:
    if e.verdict == "accept":
        return f"accept, {e.processed} insns processed"
    where = f" at insn {e.insn}" if e.insn is not None else " at load time"
    first = f": {e.errors[0]}" if e.errors else ""
    return f"reject {e.errno or ''}{where}{first}"
