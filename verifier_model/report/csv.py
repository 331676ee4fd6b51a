"""CSV in veristat's form (tools/testing/selftests/bpf/veristat.c, `-o csv`) and its compare mode.

Columns: veristat's CSV names for file, program, verdict, duration (microseconds), total insns,
total states and peak states, then `error_class` (the first error line with numbers folded).
Verdicts are written as veristat writes them: `success` (accept), `failure` (reject), plus
`error` (the input could not be checked). `read_csv` also reads veristat's own CSV output, so
`triage --compare` can put the model next to a veristat run of the kernel.
"""
from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import IO, Any

COLUMNS = ("file_name", "prog_name", "verdict", "duration", "total_insns", "total_states", "peak_states",
           "error_class")
_TO_VERISTAT = {"accept": "success", "reject": "failure", "error": "error"}
_FROM_VERISTAT = {"success": "accept", "failure": "reject", "error": "error",
                  "accept": "accept", "reject": "reject"}
# (CSV column, row key, table header) of the compared statistics, in veristat's order
STATS = (("duration", "duration_us", "Duration (us)"), ("total_insns", "processed_insns", "Insns"),
         ("total_states", "states", "States"), ("peak_states", "peak_states", "Peak states"))


def to_record(row: dict[str, Any]) -> dict[str, Any]:
    """A report row (report/__init__.py) as a CSV record."""
    return {
        "file_name": row["file"],
        "prog_name": row.get("program") or "",
        "verdict": _TO_VERISTAT.get(row["verdict"], row["verdict"]),
        "duration": round(float(row.get("duration") or 0) * 1e6),
        "total_insns": row.get("processed_insns") or 0,
        "total_states": row.get("states") or 0,
        "peak_states": row.get("peak_states") or 0,
        "error_class": row.get("error_class") or "",
    }


def write_csv(rows: Iterable[dict[str, Any]], out: IO[str]) -> None:
    w = csv.DictWriter(out, fieldnames=list(COLUMNS), lineterminator="\n")
    w.writeheader()
    for row in rows:
        w.writerow(to_record(row))


def dumps_csv(rows: Iterable[dict[str, Any]]) -> str:
    buf = io.StringIO()
    write_csv(rows, buf)
    return buf.getvalue()


def _int(v: str | None) -> int:
    try:
        return int(float(v)) if v not in (None, "") else 0
    except ValueError:
        return 0


def read_csv(text: str) -> list[dict[str, Any]]:
    """Records of a CSV written by `write_csv` or by veristat (`-o csv`), as rows with the keys
    file, program, verdict (accept|reject|error), duration_us, processed_insns, states,
    peak_states, error_class."""
    out = []
    for rec in csv.DictReader(io.StringIO(text)):
        get = rec.get
        out.append({
            "file": get("file_name") or get("file") or "",
            "program": get("prog_name") or get("program") or "",
            "verdict": _FROM_VERISTAT.get((get("verdict") or "").strip().lower(), (get("verdict") or "").strip()),
            "duration_us": _int(get("duration")),
            "processed_insns": _int(get("total_insns")),
            "states": _int(get("total_states")),
            "peak_states": _int(get("peak_states")),
            "error_class": get("error_class") or "",
        })
    return out


def _diff(a: int | None, b: int | None) -> str:
    """veristat's DIFF cell: `+12 (+3.45%)`."""
    if a is None or b is None:
        return "N/A"
    d = b - a
    if a == 0:
        pct = "+0.00%" if d == 0 else ("+100.00%" if d > 0 else "-100.00%")
    else:
        pct = f"{d * 100.0 / a:+.2f}%"
    return f"{d:+d} ({pct})"


def compare(old: list[dict[str, Any]], new: list[dict[str, Any]]) -> tuple[list[str], list[list[str]]]:
    """veristat's compare mode: programs joined on (file, program); for the verdict A, B and
    MATCH/MISMATCH, for each statistic A, B and DIFF. Programs present on one side only show
    N/A on the other. Returns (headers, table rows)."""
    def key(r: dict[str, Any]) -> tuple[str, str]:
        return (str(r["file"]), str(r.get("program") or ""))

    a_by = {key(r): r for r in old}
    b_by = {key(r): r for r in new}
    keys = sorted(set(a_by) | set(b_by))
    headers = ["File", "Program", "Verdict (A)", "Verdict (B)", "Verdict (DIFF)"]
    for _, _, title in STATS:
        headers += [f"{title} (A)", f"{title} (B)", f"{title} (DIFF)"]
    table = []
    for k in keys:
        a, b = a_by.get(k), b_by.get(k)
        va = a["verdict"] if a else "N/A"
        vb = b["verdict"] if b else "N/A"
        if a and b and a.get("error_class") and b.get("error_class") and va == vb == "reject":
            same = a["error_class"] == b["error_class"]
        else:
            same = va == vb
        row = [k[0], k[1], va, vb, "MATCH" if same and a and b else "MISMATCH"]
        for _, field, _ in STATS:
            x = _stat(a, field)
            y = _stat(b, field)
            row += ["N/A" if x is None else str(x), "N/A" if y is None else str(y), _diff(x, y)]
        table.append(row)
    return headers, table


def _stat(r: dict[str, Any] | None, field: str) -> int | None:
    if r is None:
        return None
    if field == "duration_us" and field not in r:
        return round(float(r.get("duration") or 0) * 1e6)
    v = r.get(field)
    return int(v) if v is not None else None


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """A veristat-style table: columns separated by two spaces, a dashed line under the header;
    text columns left-aligned, numbers right-aligned."""
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headers)]
    left = [i < 2 or headers[i].startswith("Verdict") for i in range(len(headers))]

    def fmt(cells: list[str]) -> str:
        return "  ".join(c.ljust(w) if lf else c.rjust(w) for c, w, lf in zip(cells, widths, left)).rstrip()

    lines = [fmt(headers), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in rows]
    return "\n".join(lines) + "\n"


__all__ = ["COLUMNS", "compare", "dumps_csv", "format_table", "read_csv", "to_record", "write_csv"]
