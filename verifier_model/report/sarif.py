"""SARIF 2.1.0 for code-scanning services: one rule per error class (the first error line with
its numbers folded), results located by file and line, the rejected path as a code flow."""
from __future__ import annotations

import re
from typing import Any

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"


def rule_id(first_line: str) -> str:
    folded = re.sub(r"-?\b(0x[0-9a-f]+|\d+)\b", "N", first_line)
    slug = re.sub(r"[^a-z0-9]+", "-", folded.lower()).strip("-")
    return slug[:80] or "verifier-error"


def _location(file: str, line: int | None, insn: int | None, message: str | None = None) -> dict[str, Any]:
    phys: dict[str, Any] = {"artifactLocation": {"uri": file}}
    if line:
        phys["region"] = {"startLine": int(line)}
    loc: dict[str, Any] = {"physicalLocation": phys}
    if insn is not None:
        loc["logicalLocations"] = [{"name": f"insn {insn}", "kind": "function"}]
    if message:
        loc["message"] = {"text": message}
    return loc


def _line_of(prog: Any, insn: int | None) -> int | None:
    if prog is None or insn is None:
        return None
    for locs in (getattr(prog, "c_locs", ()), getattr(prog, "locs", ())):
        if locs and 0 <= insn < len(locs) and locs[insn] is not None:
            return int(locs[insn].line) or None
    return None


def to_sarif(rows: list[dict[str, Any]], programs: list[Any] | None = None) -> dict[str, Any]:
    programs = programs or [None] * len(rows)
    rules: dict[str, dict[str, Any]] = {}
    results = []
    for row, prog in zip(rows, programs):
        if row["verdict"] == "accept":
            continue
        first = row["error"][0] if row["error"] else "verifier error"
        rid = "input-or-model-error" if row["verdict"] == "error" else rule_id(first)
        if rid not in rules:
            rules[rid] = {"id": rid, "shortDescription": {"text": re.sub(r"\d+", "N", first)[:200]},
                          "helpUri": "https://docs.kernel.org/bpf/verifier.html"}
        res: dict[str, Any] = {
            "ruleId": rid,
            "level": "error" if row["verdict"] == "reject" else "warning",
            "message": {"text": "\n".join(row["error"]) or row["verdict"]},
            "locations": [_location(row["file"], row.get("line"), row.get("insn"))],
        }
        path = row.get("path") or []
        if path:
            steps = []
            for insn, direction in path:
                text = f"insn {insn}" + (f": {direction}" if direction else ": error")
                steps.append({"location": _location(row["file"], _line_of(prog, insn), insn, text)})
            res["codeFlows"] = [{"threadFlows": [{"locations": steps}]}]
        if "witness" in row:
            res["properties"] = {"witness": row["witness"]}
        results.append(res)
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "verifier-model", "informationUri": "https://docs.kernel.org/bpf/verifier.html",
                                "rules": list(rules.values())}},
            "results": results,
        }],
    }
