"""The report for people: verdict, the kernel's error lines, the offending instruction with two
neighbours on each side (and its source / C line when known), where the leaked reference was
acquired, and the path to the error with branch directions. Colour only when asked (the
commands ask when stdout is a tty and NO_COLOR is unset)."""
from __future__ import annotations

import json
import os
import re
from typing import IO, TYPE_CHECKING, Any

from . import source_file, source_line, source_loc

if TYPE_CHECKING:
    from ..program import Program

_ALLOC_RE = re.compile(r"alloc_insn=(\d+)")


def use_color(stream: IO[str]) -> bool:
    """Colour when `stream` is a terminal and NO_COLOR is not set (https://no-color.org)."""
    try:
        tty = stream.isatty()
    except (AttributeError, ValueError):
        tty = False
    return tty and not os.environ.get("NO_COLOR")


class _Paint:
    def __init__(self, color: bool) -> None:
        self.color = color

    def __call__(self, code: str, s: str) -> str:
        return f"\033[{code}m{s}\033[0m" if self.color else s


def _insn_text(prog: Program, i: int) -> str:
    from ..isa.printer_kernel import format_insn

    try:
        return format_insn(prog.insns[i], i)
    except Exception:  # noqa: BLE001 - a printer gap must not lose the report
        return repr(prog.insns[i])


def _src_suffix(prog: Program, i: int) -> str:
    """`    // file.c:12: text` for a C line, `    // line 12` for an input line."""
    loc = source_loc(prog, i)
    if loc is None:
        return ""
    c = prog.c_locs and i < len(prog.c_locs) and prog.c_locs[i] is not None
    if c and loc.text:
        return f"    // {loc.file}:{loc.line}: {loc.text.strip()}"
    if c:
        return f"    // {loc.file}:{loc.line}"
    return ""


def neighbours(prog: Program, insn: int, paint: _Paint | None = None, radius: int = 2) -> list[str]:
    """The instruction `insn` with `radius` real instructions on each side, `>` marking it."""
    paint = paint or _Paint(False)
    idxs = [i for i, _ in prog.instructions()]
    if insn not in idxs:
        return []
    pos = idxs.index(insn)
    out = []
    for i in idxs[max(0, pos - radius): pos + radius + 1]:
        mark = paint("31;1", ">") if i == insn else " "
        line = source_line(prog, i)
        where = f"{line:5d} | " if line and not prog.c_locs else ""
        text = f"{i:4d}: {_insn_text(prog, i)}"
        out.append(f"  {mark} {where}{paint('1', text) if i == insn else text}{_src_suffix(prog, i)}")
    return out


def _where(file: str | None, line: int | None) -> str:
    """` (line 38)` for the input file, ` (xdp_ct_leak.c:25)` for a C line."""
    if not line:
        return ""
    return f" ({os.path.basename(file)}:{line})" if file else f" (line {line})"


def format_path(path: list[Any], prog: Program | None = None) -> str:
    """`20 fallthrough -> 22 taken -> 26`; repeated steps are counted; for a C program each branch names its C line,
    `48 taken (xdp_ct_leak.c:21)`, so the leaking branch is found in the source."""
    def step(i: int, d: str | None) -> str:
        text = f"{i} {d}" if d else f"{i}"
        if prog is not None and prog.c_locs and d:
            text += _where(source_file(prog, i), source_line(prog, i))
        return text

    # a loop walked many times repeats the same step: `5 taken (x265)` instead of 265 copies
    runs: list[list[Any]] = []
    for i, d in path:
        if runs and runs[-1][0] == (int(i), d):
            runs[-1][1] += 1
        else:
            runs.append([(int(i), d), 1])
    return " -> ".join(step(i, d) + (f" (x{k})" if k > 1 else "") for (i, d), k in runs)


def format_row(row: dict[str, Any], prog: Program | None = None, *, color: bool = False) -> str:
    """The text report of one row (report/__init__.py); `prog` adds the instruction context."""
    c = _Paint(color)
    head = f"{row['file']}" + (f" [{row['program']}]" if row.get("program") else "")
    v = row["verdict"]
    tag = {"accept": c("32;1", "accept"), "reject": c("31;1", "reject"), "error": c("33;1", "error")}[v]
    lines = [f"{head}: {tag}"]
    if v != "error":
        stats = f"processed {row['processed_insns']} insns, {row['states']} states"
        if row.get("peak_states"):
            stats += f" (peak {row['peak_states']})"
        lines.append(f"  {stats}")
    for e in row["error"]:
        lines.append("  " + c("1", e))
    insn = row.get("insn")
    if prog is not None and insn is not None and v == "reject":
        lines.append(f"  at insn {insn}{_where(row.get('source_file'), row.get('line'))}:")
        lines.extend(neighbours(prog, insn, c))
        seen: set[int] = set()
        for e in row["error"]:
            m = _ALLOC_RE.search(e)
            if m and int(m.group(1)) < len(prog.insns) and int(m.group(1)) not in seen:
                a = int(m.group(1))
                seen.add(a)
                where = _where(source_file(prog, a), source_line(prog, a))
                lines.append(f"  reference acquired at insn {a}{where}: {_insn_text(prog, a)}")
    if row.get("path") and v == "reject":
        lines.append(f"  path: {format_path(row['path'], prog)}")
    w = row.get("witness")
    if w:
        lines.append("  " + format_witness(w))
    if row.get("log"):
        lines.append(row["log"].rstrip("\n"))
    return "\n".join(lines) + "\n"


def format_witness(w: dict[str, Any]) -> str:
    if w.get("feasible") is True:
        replay = "confirmed by concrete replay" if w.get("replayed") else "not confirmed by replay"
        return f"witness: feasible ({replay}); inputs {json.dumps(w.get('inputs', {}), sort_keys=True)}"
    if w.get("feasible") is False:
        at = w.get("imprecise_branch")
        where = f"the branch at insn {at}" if at is not None else f"insn {w.get('imprecise_insn')}"
        return f"witness: infeasible path; the verifier lost precision at {where}: {w.get('reason', '')}"
    return f"witness: unknown ({w.get('reason', '')})"


def summary_table(rows: list[dict[str, Any]]) -> str:
    """Verdicts by error class (numbers folded), most frequent first."""
    from collections import Counter

    counts = Counter((r["verdict"], r.get("error_class") or "") for r in rows)
    order = {"accept": 0, "reject": 1, "error": 2}
    items = sorted(counts.items(), key=lambda kv: (order.get(kv[0][0], 3), -kv[1], kv[0][1]))
    out = [f"{'verdict':<8} {'count':>6}  error class", f"{'-' * 8} {'-' * 6}  {'-' * 40}"]
    for (verdict, cls), n in items:
        out.append(f"{verdict:<8} {n:>6}  {cls}")
    totals = Counter(r["verdict"] for r in rows)
    out.append(f"{'-' * 8} {'-' * 6}")
    out.append(f"{'total':<8} {len(rows):>6}  " + ", ".join(f"{k} {totals[k]}" for k in order if totals[k]))
    return "\n".join(out) + "\n"


__all__ = ["format_path", "format_row", "format_witness", "neighbours", "summary_table", "use_color"]
