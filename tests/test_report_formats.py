"""report/: rows, error classes, text, JSON lines, veristat CSV and compare, SARIF 2.1.0 (validated
against the OASIS 2.1.0 schema, which scripts/setup.sh fetches from the npm registry into .cache/).
No model needed: results are made by hand."""
from __future__ import annotations

import io
import json
import re
from pathlib import Path

import jsonschema
import pytest

from verifier_model.frontend.asm import parse
from verifier_model.report import error_class, error_row, exit_status, fold, make_row, rule_id
from verifier_model.report.csv import compare, dumps_csv, format_table, read_csv
from verifier_model.report.jsonl import dumps, read_jsonl
from verifier_model.report.sarif import to_sarif
from verifier_model.report.text import format_row, summary_table, use_color
from verifier_model.result import Result

ROOT = Path(__file__).resolve().parent.parent
LEAK = ROOT / "examples/asm/ct_lookup_leak.s"
SCHEMA_FILE = ROOT / ".cache/sarif/package/lib/schemas/sarif-2.1.0-rtm.5.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text()) if SCHEMA_FILE.is_file() else None
needs_schema = pytest.mark.skipif(SCHEMA is None, reason=f"SARIF schema not fetched ({SCHEMA_FILE.relative_to(ROOT)}); "
                                  "scripts/setup.sh gets it from the npm registry")
LEAK_ERRORS = ["Unreleased reference id=2 alloc_insn=19",
               "BPF_EXIT instruction in main prog would lead to reference leak"]


def leak_row() -> tuple[dict, object]:  # type: ignore[type-arg]
    (prog,) = parse(LEAK.read_text(), str(LEAK.relative_to(ROOT)))
    res = Result("reject", errors=list(LEAK_ERRORS), insn=26, processed=29, states=1, peak_states=1,
                 path=[(20, "fallthrough"), (22, "taken"), (26, "")], duration=0.0123)
    return make_row(str(LEAK.relative_to(ROOT)), prog, res), prog


def test_fold_keeps_register_and_type_names() -> None:
    assert fold("Unreleased reference id=2 alloc_insn=19") == "Unreleased reference id=N alloc_insn=N"
    assert fold("invalid write to stack R10 off=-8 size=8") == "invalid write to stack R10 off=N size=N"
    assert fold("R4 invalid zero-sized read: u64=[0,0]") == "R4 invalid zero-sized read: u64=[N,N]"
    assert fold("invalid read from stack R2 off -16+0 size 8") == "invalid read from stack R2 off N+N size N"
    assert fold("value 0xffffffff") == "value N"
    assert rule_id("Unreleased reference id=2 alloc_insn=19") == "unreleased-reference-id-n-alloc-insn-n"
    assert rule_id("Unreleased reference id=7 alloc_insn=3") == rule_id("Unreleased reference id=2 alloc_insn=19")
    assert rule_id("") == "verifier-error"
    assert error_class([], "accept") == ""


def test_row_fields_and_source_line() -> None:
    row, _ = leak_row()
    assert row["verdict"] == "reject" and row["program"] == "xdp" and row["prog_type"] == "xdp"
    assert row["error"] == LEAK_ERRORS
    assert row["error_class"] == "Unreleased reference id=N alloc_insn=N"
    assert row["insn"] == 26 and row["line"] == 38  # `exit` is on line 38 of the file
    assert row["path"] == [[20, "fallthrough"], [22, "taken"], [26, ""]]
    assert json.loads(dumps(row)) == row
    assert read_jsonl(dumps(row) + "\n\n" + dumps(row)) == [row, row]


def test_model_error_row_carries_the_reason() -> None:
    (prog,) = parse(LEAK.read_text(), "x.s")
    row = make_row("x.s", prog, Result("error", extra={"unsupported": "kfunc bpf_foo"}))
    assert row["verdict"] == "error" and row["error"] == ["kfunc bpf_foo"]


def test_exit_status_order() -> None:
    ok = {"verdict": "accept"}
    rej = {"verdict": "reject"}
    err = {"verdict": "error"}
    assert exit_status([ok]) == 0
    assert exit_status([ok, rej]) == 1
    assert exit_status([rej, err, ok]) == 2


def test_text_report_shows_neighbours_acquire_site_and_path() -> None:
    row, prog = leak_row()
    text = format_row(row, prog)  # type: ignore[arg-type]
    assert "\033[" not in text
    assert text.splitlines()[0] == "examples/asm/ct_lookup_leak.s [xdp]: reject"
    marked = [ln for ln in text.splitlines() if ln.lstrip().startswith(">")]
    assert len(marked) == 1 and "26: (95) exit" in marked[0] and "38 |" in marked[0]
    assert "24: (85) call bpf_ct_release" in text and "25: (b7) r0 = 2" in text
    assert "reference acquired at insn 19 (line 30): (85) call bpf_xdp_ct_lookup" in text
    assert "path: 20 fallthrough -> 22 taken -> 26" in text
    colored = format_row(row, prog, color=True)  # type: ignore[arg-type]
    assert "\033[31;1mreject\033[0m" in colored


def test_text_neighbours_two_each_side() -> None:
    row, prog = leak_row()
    row = dict(row, insn=21)
    ctx = [ln for ln in format_row(row, prog).splitlines() if re.match(r"^\s+>?\s+\d+ \|\s+\d+:", ln)]  # type: ignore[arg-type]
    assert [int(ln.split("|")[1].split(":")[0]) for ln in ctx] == [19, 20, 21, 22, 23]


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_colour_only_on_a_tty_without_no_color(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert use_color(_Tty()) is True
    assert use_color(io.StringIO()) is False
    monkeypatch.setenv("NO_COLOR", "1")
    assert use_color(_Tty()) is False


def test_summary_table_groups_by_folded_class() -> None:
    rows = [{"verdict": "reject", "error_class": "Unreleased reference id=N alloc_insn=N"}] * 3 + [
        {"verdict": "accept", "error_class": ""}] * 2 + [{"verdict": "error", "error_class": "x"}]
    table = summary_table(rows)
    assert re.search(r"reject\s+3  Unreleased reference id=N alloc_insn=N", table)
    assert re.search(r"total\s+6  accept 2, reject 3, error 1", table)


def test_csv_has_veristat_columns_and_round_trips() -> None:
    row, _ = leak_row()
    text = dumps_csv([row])
    header, line = text.splitlines()
    assert header == "file_name,prog_name,verdict,duration,total_insns,total_states,peak_states,error_class"
    assert line.startswith("examples/asm/ct_lookup_leak.s,xdp,failure,12300,29,1,1,")
    (back,) = read_csv(text)
    assert back["verdict"] == "reject" and back["processed_insns"] == 29 and back["duration_us"] == 12300


def test_compare_reads_veristat_csv_and_diffs() -> None:
    veristat = ("file_name,prog_name,verdict,duration,total_insns,total_states,peak_states,"
                "max_states_per_insn,mark_read_max_len\n"
                "a.s,xdp,success,100,40,4,4,1,1\n"
                "b.s,xdp,failure,50,10,1,1,0,0\n"
                "gone.s,xdp,success,1,1,1,1,0,0\n")
    old = read_csv(veristat)
    new = [{"file": "a.s", "program": "xdp", "verdict": "accept", "duration": 0.0002, "processed_insns": 50,
            "states": 4, "peak_states": 2, "error_class": ""},
           {"file": "b.s", "program": "xdp", "verdict": "accept", "duration": 0.00005, "processed_insns": 10,
            "states": 1, "peak_states": 1, "error_class": ""},
           {"file": "new.s", "program": "xdp", "verdict": "reject", "duration": 0, "processed_insns": 3,
            "states": 0, "peak_states": 0, "error_class": "x"}]
    headers, table = compare(old, new)
    assert headers[:5] == ["File", "Program", "Verdict (A)", "Verdict (B)", "Verdict (DIFF)"]
    assert "Insns (DIFF)" in headers and "Duration (us) (A)" in headers
    by = {r[0]: dict(zip(headers, r)) for r in table}
    assert by["a.s"]["Verdict (DIFF)"] == "MATCH"
    assert by["a.s"]["Insns (DIFF)"] == "+10 (+25.00%)"
    assert by["a.s"]["Peak states (DIFF)"] == "-2 (-50.00%)"
    assert by["a.s"]["Duration (us) (B)"] == "200"
    assert by["b.s"]["Verdict (DIFF)"] == "MISMATCH"
    assert by["gone.s"]["Verdict (B)"] == "N/A" and by["gone.s"]["Insns (DIFF)"] == "N/A"
    assert by["new.s"]["Verdict (A)"] == "N/A" and by["new.s"]["Verdict (DIFF)"] == "MISMATCH"
    out = format_table(headers, table)
    assert out.splitlines()[1].startswith("----")


@needs_schema
def test_sarif_is_valid_2_1_0_with_rules_locations_and_code_flows() -> None:
    row, prog = leak_row()
    bad = error_row("bad.s", "bad.s:2:7: error: expected register", line=2)
    unsupported = dict(error_row("u.s", "kfunc bpf_foo not modelled", program="xdp", prog_type="xdp"))
    same_class = dict(row, file="other dir/leak.s", error=["Unreleased reference id=5 alloc_insn=3"])
    accepted = dict(row, verdict="accept", error=[], error_class="", path=[])
    doc = to_sarif([row, bad, unsupported, same_class, accepted], [prog, None, None, None, None])
    jsonschema.validate(doc, SCHEMA)
    run = doc["runs"][0]
    rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert rules == ["unreleased-reference-id-n-alloc-insn-n", "input-error", "model-unsupported"]
    res = run["results"]
    assert len(res) == 4  # accepted programs are not results
    leak = res[0]
    assert leak["ruleId"] == rules[leak["ruleIndex"]]
    assert leak["level"] == "error"
    phys = leak["locations"][0]["physicalLocation"]
    assert phys["artifactLocation"]["uri"] == "examples/asm/ct_lookup_leak.s"
    assert phys["region"]["startLine"] == 38
    steps = leak["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [s["location"]["physicalLocation"]["region"]["startLine"] for s in steps] == [31, 33, 38]
    assert "fallthrough" in steps[0]["location"]["message"]["text"]
    assert "Unreleased reference" in steps[-1]["location"]["message"]["text"]
    assert res[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2
    assert res[3]["ruleIndex"] == 0  # same error class, same rule
    assert res[3]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "other%20dir/leak.s"


@needs_schema
def test_schema_rejects_a_broken_log() -> None:
    """The shipped schema is the real one: it catches what a subset would let through."""
    row, prog = leak_row()
    doc = to_sarif([row], [prog])
    doc["runs"][0]["results"][0]["level"] = "fatal"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)
    doc = to_sarif([row], [prog])
    doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, SCHEMA)


def test_path_counts_repeated_steps() -> None:
    """A loop walked many times prints one step with its count, not hundreds of copies."""
    from verifier_model.report.text import format_path

    path = [[3, "fallthrough"]] + [[5, "taken"]] * 265 + [[5, "fallthrough"], [7, None]]
    assert format_path(path) == "3 fallthrough -> 5 taken (x265) -> 5 fallthrough -> 7"
