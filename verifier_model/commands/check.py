"""`verifier-model check PATH...`: accept or reject each program, with the kernel's error text.

Exit status: 0 every program accepted, 1 some program rejected, 2 some input could not be read
or the model could not decide (verdict `error`); every other input is still checked.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..isa.opcodes import ProgType
from ..program import Program
from ..result import Result

SUFFIXES = {".s", ".asm", ".o", ".bin", ".log", ".txt"}
PROG_TYPES = {"xdp": ProgType.XDP, "tc": ProgType.SCHED_CLS, "sched_cls": ProgType.SCHED_CLS}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="program files or directories (walked)")
    p.add_argument("--prog-type", choices=sorted(PROG_TYPES), help="override the program type")
    p.add_argument("--format", choices=("text", "json", "jsonl", "sarif"), default="text")
    p.add_argument("--log-level", type=int, choices=(0, 1, 2), default=0,
                   help="also print the model's log in the kernel's format")
    p.add_argument("--unprivileged", action="store_true",
                   help="a loader without CAP_PERFMON / CAP_SYS_ADMIN (default: root)")
    p.add_argument("--profile", default="6.18", help="rule profile: 6.18 (default) or patch-v4")
    p.add_argument("--witness", action="store_true", help="ask z3 whether the rejecting path is real")
    p.add_argument("--time-limit", type=float, default=30.0, help="model time bound per program (s)")


def iter_files(paths: list[str]) -> list[Path]:
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(f for f in path.rglob("*") if f.is_file() and f.suffix in SUFFIXES))
        else:
            out.append(path)
    return out


def fold(line: str) -> str:
    """An error line with its numbers folded: the error class."""
    return re.sub(r"-?\b(0x[0-9a-f]+|\d+)\b", "N", line)


def check_file(path: Path, args: argparse.Namespace) -> list[dict[str, Any]]:
    """One row per program in the file; an unreadable file gives one `error` row."""
    from ..frontend import load
    from ..model import check

    pt = PROG_TYPES.get(args.prog_type) if getattr(args, "prog_type", None) else None
    try:
        programs = load(str(path), pt)
    except InputError as e:
        return [{"file": str(path), "program": None, "prog_type": None, "verdict": "error", "error": [str(e)],
                 "insn": None, "line": e.line or None, "processed_insns": 0, "states": 0}]
    rows = []
    for prog in programs:
        privileged = not args.unprivileged
        if not args.unprivileged and str(path).endswith(".s"):
            from ..corpus import read_file

            try:
                privileged = read_file(path).privileged
            except (OSError, ValueError):
                pass
        res = check(prog, profile=args.profile, privileged=privileged, log_level=args.log_level,
                    time_limit=args.time_limit)
        rows.append(_row(path, prog, res, args))
    return rows


def _row(path: Path, prog: Program, res: Result, args: argparse.Namespace) -> dict[str, Any]:
    row: dict[str, Any] = {
        "file": str(path),
        "program": prog.section or prog.name,
        "prog_type": ProgType(prog.prog_type).name.lower(),
        "verdict": res.verdict,
        "error": list(res.errors) if res.verdict == "reject" else (
            [res.extra.get("unsupported") or res.extra.get("timeout") or "model error"] if res.verdict == "error"
            else []),
        "insn": res.insn,
        "line": _line(prog, res.insn),
        "processed_insns": res.processed,
        "states": res.states,
        "path": [[i, d] for i, d in res.path],
        "duration": round(res.duration, 6),
    }
    if args.log_level:
        row["log"] = res.log
    if args.witness and res.verdict == "reject":
        from ..witness import explain_path

        try:
            row["witness"] = explain_path(prog, res)
        except Exception as e:  # noqa: BLE001 - a witness failure must not lose the verdict
            row["witness"] = {"feasible": None, "reason": f"witness failed: {e}"}
    row["_prog"] = prog
    return row


def _line(prog: Program, insn: int | None) -> int | None:
    if insn is None:
        return None
    for locs in (prog.c_locs, prog.locs):
        if locs and insn < len(locs) and locs[insn] is not None:
            return locs[insn].line  # type: ignore[union-attr]
    return None


def run(args: argparse.Namespace) -> int:
    files = iter_files(args.paths)
    if not files:
        raise InputError(args.paths[0], 0, 0, "no program files found")
    rows: list[dict[str, Any]] = []
    for f in files:
        rows.extend(check_file(f, args))
    out = sys.stdout
    if args.format == "jsonl":
        for r in rows:
            out.write(json.dumps(_public(r)) + "\n")
    elif args.format == "json":
        json.dump([_public(r) for r in rows], out, indent=2)
        out.write("\n")
    elif args.format == "sarif":
        from ..report.sarif import to_sarif

        json.dump(to_sarif([_public(r) for r in rows], [r.get("_prog") for r in rows]), out, indent=2)
        out.write("\n")
    else:
        color = out.isatty() and not os.environ.get("NO_COLOR")
        for r in rows:
            out.write(text_report(r, color=color))
    verdicts = {r["verdict"] for r in rows}
    if "error" in verdicts:
        return 2
    return 1 if "reject" in verdicts else 0


def _public(row: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in row.items() if not k.startswith("_")}


def text_report(r: dict[str, Any], *, color: bool = False) -> str:
    def c(code: str, s: str) -> str:
        return f"\033[{code}m{s}\033[0m" if color else s

    head = f"{r['file']}" + (f" [{r['program']}]" if r.get("program") else "")
    v = r["verdict"]
    tag = {"accept": c("32;1", "accept"), "reject": c("31;1", "reject"), "error": c("33;1", "error")}[v]
    lines = [f"{head}: {tag}"]
    if v == "accept":
        lines.append(f"  processed {r['processed_insns']} insns, {r['states']} states")
    for e in r["error"]:
        lines.append("  " + c("1", e))
    prog: Program | None = r.get("_prog")
    insn = r.get("insn")
    if prog is not None and insn is not None and v == "reject":
        from ..isa.printer_kernel import format_insn

        lines.append(f"  at insn {insn}" + (f" (line {r['line']})" if r.get("line") else "") + ":")
        idxs = [i for i, _ in prog.instructions()]
        pos = idxs.index(insn) if insn in idxs else None
        if pos is not None:
            for i in idxs[max(0, pos - 2): pos + 3]:
                mark = c("31;1", ">") if i == insn else " "
                src = ""
                loc = prog.c_locs[i] if prog.c_locs and i < len(prog.c_locs) else None
                if loc is not None and getattr(loc, "text", ""):
                    src = f"    // {loc.file}:{loc.line}: {loc.text.strip()}"
                lines.append(f"  {mark} {i:4d}: {format_insn(prog.insns[i], i)}{src}")
        for e in r["error"]:
            m = re.search(r"alloc_insn=(\d+)", e)
            if m and int(m.group(1)) < len(prog.insns):
                a = int(m.group(1))
                where = f" (line {_line(prog, a)})" if _line(prog, a) else ""
                lines.append(f"  reference acquired at insn {a}{where}: {format_insn(prog.insns[a], a)}")
        if r.get("path"):
            steps = ", ".join(f"{i} {d}" if d else f"{i}" for i, d in r["path"])
            lines.append(f"  path: {steps}")
    w = r.get("witness")
    if w:
        if w.get("feasible") is True:
            lines.append("  witness: feasible; inputs " + json.dumps(w.get("inputs", {})))
        elif w.get("feasible") is False:
            lines.append(f"  witness: infeasible path; precision lost at the branch at insn {w.get('imprecise_branch')}")
        else:
            lines.append(f"  witness: unknown ({w.get('reason', '')})")
    if r.get("log"):
        lines.append(r["log"].rstrip("\n"))
    return "\n".join(lines) + "\n"
