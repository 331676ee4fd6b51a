"""verifier-model diff FILES: the model and the kernel side by side at log level 2: verdicts,
error lines, and the first instruction whose printed state differs between the two logs."""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass

from .. import corpus
from ..errors import InputError
from ..kernel.log import TraceLine, parse_trace
from ..result import Result
from .record import OBJECT_SUFFIXES, _is_elf, add_prog_type_argument, program_files

# map pointers in ld_imm64 are the kernel's addresses; the model prints 0x0 for them
_KADDR_RE = re.compile(r"= 0x[0-9a-f]+$")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="FILE|DIR")
    add_prog_type_argument(parser)
    parser.add_argument("--profile", default="6.18", help="model profile (default: %(default)s)")
    parser.add_argument("--unprivileged", action="store_true",
                        help="load and check without CAP_PERFMON/CAP_SYS_ADMIN "
                        "(default: as the file's '# profile:' says)")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS")


@dataclass(frozen=True, slots=True)
class StateDiff:
    """The first pair of trace lines that differ (either may be None: that log ended)."""

    model: TraceLine | None
    kernel: TraceLine | None


def first_state_difference(model_log: str, kernel_log: str) -> StateDiff | None:
    """Walk both logs' state-carrying lines in order; the first pair that differs in kind,
    instruction, instruction text or printed state."""
    ours, theirs = parse_trace(model_log), parse_trace(kernel_log)
    for a, b in zip(ours, theirs, strict=False):
        if _key(a) != _key(b):
            return StateDiff(a, b)
    if len(ours) != len(theirs):
        n = min(len(ours), len(theirs))
        return StateDiff(ours[n] if n < len(ours) else None, theirs[n] if n < len(theirs) else None)
    return None


def _key(t: TraceLine) -> tuple[str, int, str, str]:
    text = t.text
    if t.kind == "insn" and "(18)" in t.line and "map" in t.state:
        text = _KADDR_RE.sub("= <addr>", text)
    return t.kind, t.insn, text, t.state


def run(args: argparse.Namespace) -> int:
    from .. import kernel

    try:
        from ..model import check
    except ImportError:
        print("verifier-model diff: the model (verifier_model.model.check) is not available yet",
              file=sys.stderr)
        return 2
    ok, reason = kernel.available()
    if not ok:
        print(f"verifier-model diff: the kernel oracle is unavailable: {reason}", file=sys.stderr)
        return 2
    from ..frontend import load as load_programs

    status = 0
    for path in program_files(args.paths):
        try:
            # an ELF object has no '# profile:' header: it loads privileged, as `record` does
            is_object = path.suffix in OBJECT_SUFFIXES or _is_elf(path)
            privileged = not args.unprivileged and (is_object or corpus.read_file(path).privileged)
            programs = load_programs(str(path), args.prog_type)
        except (InputError, ValueError, OSError) as e:
            print(str(e) if isinstance(e, InputError) else f"{path}: error: {e}", file=sys.stderr)
            status = 2
            continue
        for program in programs:
            ours = check(program, profile=args.profile, privileged=privileged, log_level=2)
            theirs = kernel.load(program, log_level=2, privileged=privileged, timeout=args.timeout)
            title = f"{path}" + (f" [{program.section}]" if len(programs) > 1 else "")
            same, lines = render_diff(title, ours, theirs)
            print("\n".join(lines) + "\n")
            status = max(status, 0 if same else 1)
    return status


def render_diff(title: str, model: Result, kernel: Result) -> tuple[bool, list[str]]:
    """The comparison as lines; True when verdict, errors and every state agree."""
    out = [f"== {title}"]
    rows = [
        ("verdict", _verdict(model), _verdict(kernel)),
        ("insn", _opt(model.insn), _opt(kernel.insn)),
        ("processed", str(model.processed), str(kernel.processed)),
        ("states", f"{model.states}/{model.peak_states}", f"{kernel.states}/{kernel.peak_states}"),
    ]
    width = max(len(r[1]) for r in rows) + 2
    out.append(f"{'':12}{'model':<{width}}kernel")
    for name, a, b in rows:
        out.append(f"{name:12}{a:<{width}}{b}{'' if a == b else '   <-- differs'}")
    same = model.verdict == kernel.verdict and model.errors == kernel.errors
    if model.errors == kernel.errors:
        out.append("errors: " + ("identical" if model.errors else "none"))
        out += [f"  = {line}" for line in model.errors]
    else:
        out.append("errors:")
        for k in range(max(len(model.errors), len(kernel.errors))):
            a = model.errors[k] if k < len(model.errors) else ""
            b = kernel.errors[k] if k < len(kernel.errors) else ""
            out.append(f"  {'=' if a == b else '!'} model:  {a}")
            if a != b:
                out.append(f"    kernel: {b}")
    diff = first_state_difference(model.log, kernel.log)
    if diff is None:
        out.append("states: identical")
    else:
        same = False
        where = diff.kernel or diff.model
        assert where is not None
        out.append(f"first differing state: insn {where.insn}")
        for who, t in (("model ", diff.model), ("kernel", diff.kernel)):
            out.append(f"  {who} (log line {t.lineno}): {t.line}" if t else f"  {who}: (log ends)")
    return same, out


def _verdict(r: Result) -> str:
    if r.verdict == "reject" and r.errno:
        return f"reject ({corpus.errno_name(r.errno)})"
    return r.verdict


def _opt(v: int | None) -> str:
    return "-" if v is None else str(v)
