"""SARIF 2.1.0 for code-scanning services (OASIS SARIF 2.1.0; validated in the tests against the
2.1.0 JSON schema, tests/data/sarif-schema-2.1.0-rtm.5.json).

- one rule per error class: the first error line with its numbers folded, as a stable slug
  (`Unreleased reference id=2 alloc_insn=19` -> `unreleased-reference-id-n-alloc-insn-n`);
  inputs that could not be read are `input-error`, programs the model does not cover
  `model-unsupported`;
- one result per rejected (or unchecked) program, located by file and line (`region.startLine`):
  the C file and line of the failing instruction when BTF line info is known, else the input
  file and line;
- the rejected path as a code flow: one thread-flow location per conditional jump on the path
  (with its direction) and a last one at the error instruction.
"""
from __future__ import annotations

from pathlib import PurePath
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from . import fold, rule_id, source_file, source_line

if TYPE_CHECKING:
    from ..program import Program

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
HELP_URI = "https://docs.kernel.org/bpf/verifier.html"


def _uri(file: str) -> str:
    return quote(PurePath(file).as_posix(), safe="/:@-._~")


def _physical(file: str, line: int | None) -> dict[str, Any]:
    phys: dict[str, Any] = {"artifactLocation": {"uri": _uri(file)}}
    if line and int(line) >= 1:
        phys["region"] = {"startLine": int(line)}
    return phys


def _insn_text(prog: Program | None, insn: int) -> str:
    if prog is None or not 0 <= insn < len(prog.insns):
        return ""
    from ..isa.printer_kernel import format_insn

    try:
        return format_insn(prog.insns[insn], insn)
    except Exception:  # noqa: BLE001 - the text is decoration
        return ""


def _rule_for(row: dict[str, Any]) -> tuple[str, str]:
    """(rule id, rule description) of a non-accepted row."""
    if row["verdict"] == "error":
        if row.get("program") is None:
            return "input-error", "The input could not be read as a BPF program"
        return "model-unsupported", "The model does not cover something this program uses, or ran out of time"
    first = row["error"][0] if row["error"] else "verifier error"
    return rule_id(first), fold(first)


def _code_flow(row: dict[str, Any], prog: Program | None) -> dict[str, Any] | None:
    path = row.get("path") or []
    if not path:
        return None
    steps = []
    last = len(path) - 1
    for k, (insn, direction) in enumerate(path):
        text = _insn_text(prog, int(insn))
        if direction:
            msg = f"insn {insn}: {text} ({direction})" if text else f"insn {insn}: branch {direction}"
        else:
            err = row["error"][0] if row["error"] else "error"
            msg = f"insn {insn}: {text}: {err}" if text else f"insn {insn}: {err}"
        if prog is not None:
            line, src = source_line(prog, int(insn)), source_file(prog, int(insn))
        else:
            line, src = (row.get("line"), row.get("source_file")) if k == last else (None, None)
        steps.append({
            "location": {"physicalLocation": _physical(src or row["file"], line), "message": {"text": msg}},
            "executionOrder": k + 1,
            "importance": "essential" if direction == "" or k == last else "important",
            "properties": {"insn": int(insn), "direction": direction or "error"},
        })
    return {"threadFlows": [{"locations": steps}]}


def to_sarif(rows: list[dict[str, Any]], programs: list[Program | None] | None = None) -> dict[str, Any]:
    """A SARIF log of the rows (report/__init__.py); `programs[i]` (the Program of rows[i], when
    known) gives the path steps their lines and instruction text."""
    programs = list(programs) if programs is not None else [None] * len(rows)
    programs += [None] * (len(rows) - len(programs))
    rules: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    results = []
    for row, prog in zip(rows, programs, strict=True):
        if row["verdict"] == "accept":
            continue
        rid, desc = _rule_for(row)
        if rid not in index:
            index[rid] = len(rules)
            rules.append({"id": rid, "name": rid, "shortDescription": {"text": desc[:1000]},
                          "helpUri": HELP_URI,
                          "defaultConfiguration": {"level": "error" if row["verdict"] == "reject" else "warning"}})
        loc: dict[str, Any] = {"physicalLocation": _physical(row.get("source_file") or row["file"], row.get("line"))}
        if row.get("program"):
            loc["logicalLocations"] = [{"name": str(row["program"]), "kind": "function"}]
        res: dict[str, Any] = {
            "ruleId": rid,
            "ruleIndex": index[rid],
            "level": "error" if row["verdict"] == "reject" or rid == "input-error" else "warning",
            "message": {"text": "\n".join(row["error"]) or row["verdict"]},
            "locations": [loc],
        }
        flow = _code_flow(row, prog)
        if flow is not None:
            res["codeFlows"] = [flow]
        props: dict[str, Any] = {"verdict": row["verdict"], "insn": row.get("insn"),
                                 "processed_insns": row.get("processed_insns", 0)}
        if row.get("prog_type"):
            props["prog_type"] = row["prog_type"]
        if "witness" in row:
            props["witness"] = row["witness"]
        res["properties"] = props
        results.append(res)
    return {
        "$schema": SCHEMA,
        "version": VERSION,
        "runs": [{
            "tool": {"driver": {"name": "verifier-model", "informationUri": HELP_URI, "version": _version(),
                                "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }


def _version() -> str:
    try:
        from importlib.metadata import version

        return version("verifier_model")
    except Exception:  # noqa: BLE001
        return "0"


__all__ = ["SCHEMA", "to_sarif"]
