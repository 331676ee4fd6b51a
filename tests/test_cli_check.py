"""`verifier-model check`: exit codes, JSONL rows for every input, SARIF 2.1.0."""
from __future__ import annotations

import json
import subprocess
import sys
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "verifier_model", *args], cwd=ROOT, capture_output=True,
                          text=True, timeout=300)


def test_leak_example_rejects_with_the_kernel_text() -> None:
    p = cli("check", "examples/asm/ct_lookup_leak.s")
    assert p.returncode == 1
    assert "Unreleased reference id=2 alloc_insn=19" in p.stdout
    assert "BPF_EXIT instruction in main prog would lead to reference leak" in p.stdout
    assert "reference acquired at insn 19" in p.stdout
    assert "Traceback" not in p.stderr


def test_release_example_accepts() -> None:
    p = cli("check", "examples/asm/ct_lookup_release.s")
    assert p.returncode == 0, p.stdout + p.stderr
    assert ": accept" in p.stdout


def test_jsonl_has_a_row_per_input_and_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = tmp_path / "bad.s"
    bad.write_text("\t.section xdp\n\tr0 = = 1\n\texit\n")
    good = ROOT / "examples/asm/ct_lookup_release.s"
    leak = ROOT / "examples/asm/ct_lookup_leak.s"
    p = cli("check", "--format", "jsonl", str(good), str(bad), str(leak))
    assert p.returncode == 2  # an input error anywhere
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == ["accept", "error", "reject"]
    for r in rows:
        assert {"file", "program", "prog_type", "verdict", "error", "insn", "processed_insns", "states"} <= set(r)
    assert rows[1]["error"][0].startswith(f"{bad}:2:")
    assert rows[2]["error"] == ["Unreleased reference id=2 alloc_insn=19",
                                "BPF_EXIT instruction in main prog would lead to reference leak"]
    assert rows[2]["insn"] == 26


def test_directories_are_walked() -> None:
    p = cli("check", "--format", "jsonl", "corpus/exit")
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    assert len(rows) == len(list((ROOT / "corpus/exit").glob("*.s")))
    assert p.returncode == 1


def test_witness_in_json() -> None:
    p = cli("check", "--format", "json", "--witness", "examples/asm/ct_lookup_leak.s")
    (row,) = json.loads(p.stdout)
    assert row["witness"]["feasible"] is True
    assert row["witness"]["inputs"]["lookups"] == [True]


def _sarif_schema() -> dict | None:  # type: ignore[type-arg]
    for url in ("https://json.schemastore.org/sarif-2.1.0.json",
                "https://raw.githubusercontent.com/oasis-tcs/sarif-spec/main/sarif-2.1/schema/sarif-schema-2.1.0.json"):
        try:
            with urllib.request.urlopen(url, timeout=10) as f:
                return json.load(f)  # type: ignore[no-any-return]
        except Exception:  # noqa: BLE001, S112
            continue
    return None


def test_sarif_validates_against_the_2_1_0_schema() -> None:
    p = cli("check", "--format", "sarif", "examples/asm/ct_lookup_leak.s", "corpus/exit")
    doc = json.loads(p.stdout)
    assert doc["version"] == "2.1.0"
    res = doc["runs"][0]["results"]
    assert any(r["ruleId"].startswith("unreleased-reference") for r in res)
    leak = next(r for r in res if r["ruleId"].startswith("unreleased-reference"))
    assert leak["locations"][0]["physicalLocation"]["region"]["startLine"] == 38
    assert leak["codeFlows"][0]["threadFlows"][0]["locations"]
    schema = _sarif_schema()
    if schema is None:
        pytest.skip("the SARIF 2.1.0 JSON schema could not be fetched (no network)")
    import jsonschema

    jsonschema.validate(doc, schema)
