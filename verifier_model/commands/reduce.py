"""`verifier-model reduce FILE [-o OUT] [--kernel]`: shrink a rejected program while it keeps its
error class (the first error line with its numbers folded), or, with `--kernel`, while the model
and the running kernel keep disagreeing the same way.

Delta debugging (Zeller and Hildebrandt's ddmin) over the lines of the assembly text: every
instruction, label and directive line except `.section` is a candidate. Jumps and calls name
labels, so removing instructions never invalidates a jump; a candidate that removes a label
still in use (or a `.map` still named) does not parse and is simply not interesting. The result
is 1-minimal: removing any single remaining line loses the property. It is written as an
assembly file (the `# kernel...:` expectation lines are dropped: they described the original;
`# profile:` is kept) that `check` and `record` read.

Input: assembly (.s/.asm). Other formats are first printed in LLVM syntax when the LLVM printer
(verifier_model.isa.printer_llvm) is available.
"""
from __future__ import annotations

import argparse
import re
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..program import Program
from ..report import error_class

_SECTION_RE = re.compile(r"^\s*\.section\b")
_KEEP_COMMENT_RE = re.compile(r"^#\s*profile:")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a program the model rejects (assembly)")
    p.add_argument("-o", "--output", metavar="OUT", help="write the reduced program here (default: stdout)")
    p.add_argument("--kernel", action="store_true",
                   help="keep a model-vs-kernel divergence (verdict or error class) instead of the error class")
    p.add_argument("--program", metavar="NAME", help="the section / program to reduce when FILE has several")
    p.add_argument("--prog-type", choices=("xdp", "tc"), help="override the program type")
    p.add_argument("--unprivileged", action="store_true", help="a loader without CAP_PERFMON / CAP_SYS_ADMIN")
    p.add_argument("--profile", choices=("6.18", "patch-v4"), default="6.18")
    p.add_argument("--time-limit", type=float, default=10.0, metavar="S",
                   help="the model's time bound per candidate (default 10 s)")
    p.add_argument("--budget", type=float, default=600.0, metavar="S",
                   help="stop reducing after this many seconds and write the smallest so far (default 600)")


@dataclass
class Reducer:
    """ddmin over candidate line indices; `test(lines) -> bool` says whether a text keeps the
    property. Results are cached per candidate set."""

    lines: list[str]
    candidates: list[int]
    test: Callable[[str], bool]
    budget: float = 600.0
    tests: int = 0
    cache: dict[frozenset[int], bool] = field(default_factory=dict)
    deadline: float = 0.0

    def text(self, keep: Sequence[int]) -> str:
        kept = set(keep)
        cand = set(self.candidates)
        return "".join(ln for i, ln in enumerate(self.lines) if i not in cand or i in kept)

    def interesting(self, keep: Sequence[int]) -> bool:
        key = frozenset(keep)
        if key not in self.cache:
            self.tests += 1
            self.cache[key] = self.test(self.text(keep))
        return self.cache[key]

    def out_of_time(self) -> bool:
        return time.monotonic() > self.deadline

    def ddmin(self) -> list[int]:
        self.deadline = time.monotonic() + self.budget
        items = list(self.candidates)
        n = 2
        while len(items) >= 2 and not self.out_of_time():
            chunks = _split(items, n)
            for chunk in chunks:  # reduce to a subset
                if self.interesting(chunk):
                    items, n = chunk, 2
                    break
            else:
                for k in range(len(chunks)):  # reduce to a complement
                    rest = [x for j, c in enumerate(chunks) if j != k for x in c]
                    if self.interesting(rest):
                        items, n = rest, max(n - 1, 2)
                        break
                    if self.out_of_time():
                        break
                else:
                    if n >= len(items):
                        break
                    n = min(len(items), 2 * n)
        if len(items) == 1 and self.interesting([]):
            items = []
        return items


def _split(items: list[int], n: int) -> list[list[int]]:
    size, extra = divmod(len(items), n)
    out, at = [], 0
    for k in range(n):
        step = size + (1 if k < extra else 0)
        if step:
            out.append(items[at:at + step])
        at += step
    return out


def candidate_lines(lines: list[str]) -> list[int]:
    """Every line that carries something (instruction, label, directive) except `.section`."""
    out = []
    for i, ln in enumerate(lines):
        s = ln.strip()
        if not s or s.startswith(("#", "//", ";")) or _SECTION_RE.match(ln):
            continue
        out.append(i)
    return out


def _asm_text(path: Path, prog_type: object) -> tuple[str, object]:
    """The assembly text of FILE, and the program type to parse it with."""
    if path.suffix in (".s", ".asm", ".S"):
        try:
            return path.read_text(), prog_type
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(str(path), 0, 0, f"cannot read: {e}") from None
    from ..frontend import load

    programs = load(path, prog_type)  # type: ignore[arg-type]
    try:
        from ..isa.printer_llvm import format_program
    except ImportError:
        raise InputError(str(path), 0, 0, "reduce reads assembly; this build has no LLVM-syntax printer to "
                                          "convert other formats") from None
    if prog_type is None and programs:
        prog_type = programs[0].prog_type
    return "".join(format_program(p) for p in programs), prog_type


@dataclass
class Target:
    """What the reduced program must keep."""

    program: str
    model: tuple[str, str]  # (verdict, error class) from the model
    kernel: tuple[str, str] | None = None  # and from the kernel, with --kernel


def _signature(res: object) -> tuple[str, str]:
    verdict = getattr(res, "verdict", "error")
    return verdict, error_class(list(getattr(res, "errors", [])), verdict)


def make_test(file: str, target: Target, *, prog_type: object, privileged: bool, profile: str,
              time_limit: float) -> Callable[[str], bool]:
    from ..frontend.asm import parse
    from ..model import check

    def run(text: str) -> bool:
        try:
            programs = parse(text, file, prog_type)  # type: ignore[arg-type]
        except InputError:
            return False
        except Exception:  # noqa: BLE001 - a frontend crash is not the bug being reduced
            return False
        prog: Program | None = programs[0] if len(programs) == 1 else next(
            (p for p in programs if (p.section or p.name) == target.program), None)
        if prog is None or not prog.insns:
            return False
        try:
            res = check(prog, profile=profile, privileged=privileged, log_level=1, time_limit=time_limit)
        except Exception:  # noqa: BLE001
            return False
        if res.verdict == "error":
            return False
        if target.kernel is None:
            return _signature(res) == target.model
        if _signature(res) != target.model:
            return False
        from ..kernel.loader import load as kload

        try:
            kres = kload(prog, log_level=1, privileged=privileged)
        except Exception:  # noqa: BLE001
            return False
        return _signature(kres) == target.kernel

    return run


def reduce_text(text: str, file: str, *, program: str | None = None, kernel: bool = False,
                prog_type: object = None, privileged: bool | None = None, profile: str = "6.18",
                time_limit: float = 10.0, budget: float = 600.0) -> tuple[str, dict[str, object]]:
    """The reduced text of program `program` (default: the first one rejected / diverging) and
    statistics. Raises InputError when there is nothing to keep (accepted, or no divergence)."""
    from ..corpus import read_header
    from ..frontend.asm import parse
    from ..model import check

    if privileged is None:
        try:
            privileged = read_header(text).privileged
        except ValueError:
            privileged = True
    programs = parse(text, file, prog_type)  # type: ignore[arg-type]
    target: Target | None = None
    for prog in programs:
        name = prog.section or prog.name
        if program is not None and name != program:
            continue
        res = check(prog, profile=profile, privileged=privileged, log_level=1, time_limit=time_limit)
        if res.verdict == "error":
            if program is not None:
                raise InputError(file, 0, 0, f"the model cannot decide program {name!r}: {res.extra}")
            continue
        msig = _signature(res)
        if kernel:
            from ..kernel.loader import KernelUnavailable
            from ..kernel.loader import load as kload

            try:
                ksig = _signature(kload(prog, log_level=1, privileged=privileged))
            except KernelUnavailable as e:
                raise InputError(file, 0, 0, f"--kernel: {e.reason}") from None
            if ksig != msig:
                target = Target(name, msig, ksig)
                break
        elif res.verdict == "reject":
            target = Target(name, msig)
            break
    if target is None:
        what = "model and kernel agree on" if kernel else "the model accepts"
        which = f"program {program!r}" if program else "every program in the file"
        raise InputError(file, 0, 0, f"nothing to reduce: {what} {which}")
    lines = text.splitlines(keepends=True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    test = make_test(file, target, prog_type=prog_type, privileged=privileged, profile=profile,
                     time_limit=time_limit)
    cands = candidate_lines(lines)
    red = Reducer(lines, cands, test, budget=budget)
    if not red.interesting(cands):
        raise InputError(file, 0, 0, "the property does not reproduce (is the model or kernel nondeterministic?)")
    t0 = time.monotonic()
    keep = red.ddmin()
    body = red.text(keep)
    out_lines = [ln for ln in body.splitlines(keepends=True)
                 if ln.strip() and (not ln.lstrip().startswith(("#", "//", ";")) or _KEEP_COMMENT_RE.match(ln))]
    header = [f"# reduced by verifier-model reduce from {file} (program {target.program})\n",
              f"# model: {target.model[0]}" + (f": {target.model[1]}" if target.model[1] else "") + "\n"]
    if target.kernel is not None:
        header.append(f"# running kernel: {target.kernel[0]}"
                      + (f": {target.kernel[1]}" if target.kernel[1] else "") + "\n")
    # the `# profile:` line belongs in the leading comment block, before the first instruction
    prof = [ln for ln in out_lines if _KEEP_COMMENT_RE.match(ln)]
    rest = [ln for ln in out_lines if not _KEEP_COMMENT_RE.match(ln)]
    result = "".join(prof + header + rest)
    if not test(result):  # dropping comments changes nothing, but make sure
        result = "".join(header) + body
    n_insn_before = sum(1 for i in cands if not lines[i].strip().endswith(":") and not lines[i].strip().startswith("."))
    n_insn_after = sum(1 for i in keep if not lines[i].strip().endswith(":") and not lines[i].strip().startswith("."))
    stats: dict[str, object] = {"program": target.program, "class": target.model[1] or target.model[0],
                                "lines_before": len(cands), "lines_after": len(keep),
                                "insns_before": n_insn_before, "insns_after": n_insn_after,
                                "tests": red.tests, "seconds": round(time.monotonic() - t0, 3),
                                "complete": not red.out_of_time()}
    return result, stats


def run(args: argparse.Namespace) -> int:
    from .check import PROG_TYPES

    path = Path(args.file)
    text, pt = _asm_text(path, PROG_TYPES[args.prog_type] if args.prog_type else None)
    privileged = False if args.unprivileged else None
    result, stats = reduce_text(text, str(path), program=args.program, kernel=args.kernel, prog_type=pt,
                                privileged=privileged, profile=args.profile, time_limit=args.time_limit,
                                budget=args.budget)
    if args.output:
        Path(args.output).write_text(result)
    else:
        sys.stdout.write(result)
    done = "" if stats["complete"] else " (budget exhausted: not 1-minimal)"
    print(f"reduce: {stats['insns_before']} -> {stats['insns_after']} instructions "
          f"({stats['lines_before']} -> {stats['lines_after']} lines) in {stats['tests']} checks, "
          f"{stats['seconds']} s{done}; keeps: {stats['class']}", file=sys.stderr)
    return 0
