"""Output formats shared by the commands: one *row* per checked program, rendered as text
(report/text.py), JSON lines (report/jsonl.py), veristat-style CSV (report/csv.py) or SARIF 2.1.0
(report/sarif.py).

A row is a plain dict (JSON-ready; it crosses process boundaries in `triage`):

    file, program, prog_type, verdict ('accept'|'reject'|'error'), error (list of lines),
    error_class (the first error line with its numbers folded; '' when accepted), insn, line,
    source_file,
    processed_insns, states, peak_states, path ([[insn, 'taken'|'fallthrough'|''], ...]),
    duration (s), and when asked: log, witness.

`insn` is the instruction the error is reported at and `line` its source line: the C line from
BTF line info when known (then `source_file` names the C file), else the line in the input file
(`source_file` None).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..program import Program, SourceLoc
    from ..result import Result

_NUM_RE = re.compile(r"(?<![A-Za-z0-9_])-?(0x[0-9a-fA-F]+|\d+)\b")

ROW_KEYS = ("file", "program", "prog_type", "verdict", "error", "error_class", "insn", "line", "source_file",
            "processed_insns", "states", "peak_states", "path", "duration")


def fold(line: str) -> str:
    """An error line with its numbers folded to N: the error class.
    `Unreleased reference id=2 alloc_insn=19` -> `Unreleased reference id=N alloc_insn=N`;
    register names (`R1`) and `fp-8` keep their letters (`R1`, `fp-N`)."""
    return _NUM_RE.sub("N", line)


def error_class(errors: list[str] | tuple[str, ...], verdict: str = "reject") -> str:
    """The class of a result: its first error line, folded ('' for an accepted program)."""
    if verdict == "accept":
        return ""
    return fold(errors[0]) if errors else ("verifier error" if verdict == "reject" else "error")


def rule_id(first_line: str) -> str:
    """A stable slug for an error class: `Unreleased reference id=2 alloc_insn=19` ->
    `unreleased-reference-id-n-alloc-insn-n`."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(first_line).lower()).strip("-")
    return slug[:80].rstrip("-") or "verifier-error"


def source_loc(prog: Program | None, insn: int | None) -> SourceLoc | None:
    """The C line (BTF line info) of slot `insn` when known, else its line in the input file."""
    if prog is None or insn is None:
        return None
    for locs in (prog.c_locs, prog.locs):
        if locs and 0 <= insn < len(locs) and locs[insn] is not None:
            return locs[insn]
    return None


def source_line(prog: Program | None, insn: int | None) -> int | None:
    loc = source_loc(prog, insn)
    return int(loc.line) if loc is not None and loc.line else None


def source_file(prog: Program | None, insn: int | None) -> str | None:
    """The C file of slot `insn` when its line comes from BTF line info (else None: the line is
    in the input file itself)."""
    if prog is None or insn is None or not prog.c_locs or not 0 <= insn < len(prog.c_locs):
        return None
    loc = prog.c_locs[insn]
    return loc.file if loc is not None and loc.file else None


def program_name(prog: Program) -> str:
    return prog.section or prog.name


def make_row(file: str, prog: Program, res: Result, *, log: bool = False,
             witness: dict[str, Any] | None = None) -> dict[str, Any]:
    """The row of one checked program."""
    from ..isa.opcodes import ProgType

    if res.verdict == "reject":
        errors = list(res.errors)
    elif res.verdict == "error":
        errors = [str(res.extra.get("unsupported") or res.extra.get("timeout") or res.extra.get("reason")
                      or (res.errors[0] if res.errors else "model error"))]
    else:
        errors = []
    try:
        prog_type = ProgType(prog.prog_type).name.lower()
    except ValueError:
        prog_type = str(int(prog.prog_type))
    row: dict[str, Any] = {
        "file": file,
        "program": program_name(prog),
        "prog_type": prog_type,
        "verdict": res.verdict,
        "error": errors,
        "error_class": error_class(errors, res.verdict),
        "insn": res.insn,
        "line": source_line(prog, res.insn),
        "source_file": source_file(prog, res.insn),
        "processed_insns": res.processed,
        "states": res.states,
        "peak_states": res.peak_states,
        "path": [[int(i), d] for i, d in res.path],
        "duration": round(res.duration, 6),
    }
    if log:
        row["log"] = res.log
    if witness is not None:
        row["witness"] = witness
    return row


def error_row(file: str, message: str, *, line: int | None = None, program: str | None = None,
              prog_type: str | None = None, duration: float = 0.0) -> dict[str, Any]:
    """The row of an input that could not be checked (unreadable file, parse error, crash)."""
    return {
        "file": file, "program": program, "prog_type": prog_type, "verdict": "error", "error": [message],
        "error_class": fold(message.split(": error: ", 1)[-1]) if message else "error",
        "insn": None, "line": line, "processed_insns": 0, "states": 0, "peak_states": 0, "path": [],
        "duration": round(duration, 6),
    }


def exit_status(rows: list[dict[str, Any]]) -> int:
    """2 when some input could not be checked (verdict 'error'), else 1 when some program was
    rejected, else 0."""
    verdicts = {r["verdict"] for r in rows}
    if "error" in verdicts:
        return 2
    return 1 if "reject" in verdicts else 0


def public(row: dict[str, Any]) -> dict[str, Any]:
    """The row without the keys private to a process (leading `_`)."""
    return {k: v for k, v in row.items() if not k.startswith("_")}


__all__ = ["ROW_KEYS", "error_class", "error_row", "exit_status", "fold", "make_row", "program_name",
           "public", "rule_id", "source_file", "source_line", "source_loc"]
