"""`verifier-model check`: exit codes, JSONL rows for every input, SARIF 2.1.0, text for people.

The first tests run the command in this process with a fake model (no model core needed); the
end-to-end ones run the real model on the examples and the corpus."""
from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import jsonschema
import pytest

from verifier_model import cli
from verifier_model.corpus import read_file
from verifier_model.result import Result

ROOT = Path(__file__).resolve().parent.parent
LEAK = ROOT / "examples/asm/ct_lookup_leak.s"
RELEASE = ROOT / "examples/asm/ct_lookup_release.s"
SCHEMA_FILE = ROOT / ".cache/sarif/package/lib/schemas/sarif-2.1.0-rtm.5.json"
SCHEMA = json.loads(SCHEMA_FILE.read_text()) if SCHEMA_FILE.is_file() else None
needs_schema = pytest.mark.skipif(SCHEMA is None, reason="SARIF schema not fetched (.cache/sarif); "
                                  "scripts/setup.sh gets it from the npm registry")

try:
    import verifier_model.model.explore  # noqa: F401

    HAVE_MODEL = True
except ImportError:
    HAVE_MODEL = False
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="model core not available")


def cli_run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "verifier_model", *args], check=False, cwd=ROOT,
                          capture_output=True,
                          text=True, timeout=300)


def fake_check(program: Any, **kw: Any) -> Result:
    """Rejects programs whose text calls bpf_xdp_ct_lookup without bpf_ct_release after it."""
    names = [i.sym for i in program.insns if getattr(i, "sym", None)]
    if "bpf_xdp_ct_lookup" in names and "bpf_ct_release" not in names:
        return Result("reject", errors=["Unreleased reference id=2 alloc_insn=1"], insn=len(program.insns) - 1,
                      processed=3, path=[(len(program.insns) - 1, "")])
    if "bpf_undecidable" in names:
        return Result("error", extra={"unsupported": "call bpf_undecidable"})
    return Result("accept", processed=len(program.insns), states=1, peak_states=1)


PROG = "\t.section xdp\n{body}\tr0 = 2\n\texit\n"


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import verifier_model.model

    monkeypatch.setattr(verifier_model.model, "check", fake_check)


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    rc = cli.main(list(argv))
    out, err = capsys.readouterr()
    return rc, out, err


def write(tmp: Path, name: str, body: str) -> Path:
    p = tmp / name
    p.write_text(PROG.format(body=body))
    return p


def test_exit_codes_with_a_fake_model(tmp_path: Path, fake_model: None, capsys: pytest.CaptureFixture[str]) -> None:
    ok = write(tmp_path, "ok.s", "")
    leak = write(tmp_path, "leak.s", "\tcall bpf_xdp_ct_lookup\n")
    undecided = write(tmp_path, "undecided.s", "\tcall bpf_undecidable\n")
    bad = tmp_path / "bad.s"
    bad.write_text("\t.section xdp\n\tr0 = = 1\n\texit\n")
    assert run_main(capsys, "check", str(ok))[0] == 0
    assert run_main(capsys, "check", str(ok), str(leak))[0] == 1
    assert run_main(capsys, "check", str(ok), str(leak), str(bad))[0] == 2
    assert run_main(capsys, "check", str(ok), str(undecided))[0] == 2
    rc, out, err = run_main(capsys, "check", "--format", "jsonl", str(bad), str(leak), str(ok))
    rows = [json.loads(x) for x in out.splitlines()]
    assert [r["verdict"] for r in rows] == ["error", "reject", "accept"]
    assert rows[0]["error"][0].startswith(f"{bad}:2:") and rows[0]["line"] == 2
    for r in rows:
        assert {"file", "program", "prog_type", "verdict", "error", "insn", "line", "processed_insns",
                "states"} <= set(r)
    assert rc == 2 and "Traceback" not in err


def test_directories_walked_and_missing_files_are_rows(tmp_path: Path, fake_model: None,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "progs"
    (d / "sub").mkdir(parents=True)
    write(d, "a.s", "")
    write(d / "sub", "b.asm", "\tcall bpf_xdp_ct_lookup\n")
    (d / "notes.md").write_text("not a program")
    rc, out, _ = run_main(capsys, "check", "--format", "jsonl", str(d), str(tmp_path / "missing.s"))
    rows = [json.loads(x) for x in out.splitlines()]
    assert [Path(r["file"]).name for r in rows] == ["a.s", "b.asm", "missing.s"]
    assert rows[2]["verdict"] == "error" and "cannot read" in rows[2]["error"][0]
    assert rc == 2


def test_a_model_crash_is_an_error_row_and_the_batch_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                             capsys: pytest.CaptureFixture[str]) -> None:
    import verifier_model.model

    def crashing(program: Any, **kw: Any) -> Result:
        if any(getattr(i, "sym", None) == "bpf_xdp_ct_lookup" for i in program.insns):
            raise RuntimeError("boom")
        return fake_check(program, **kw)

    monkeypatch.setattr(verifier_model.model, "check", crashing)
    a = write(tmp_path, "a.s", "\tcall bpf_xdp_ct_lookup\n")
    b = write(tmp_path, "b.s", "")
    rc, out, _ = run_main(capsys, "check", "--format", "jsonl", str(a), str(b))
    rows = [json.loads(x) for x in out.splitlines()]
    assert rows[0]["verdict"] == "error" and "RuntimeError: boom" in rows[0]["error"][0]
    assert rows[0]["program"] == "xdp"
    assert rows[1]["verdict"] == "accept" and rc == 2


def test_options_reach_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    import verifier_model.model

    seen: list[dict[str, Any]] = []

    def spy(program: Any, **kw: Any) -> Result:
        seen.append(dict(kw, prog_type=int(program.prog_type)))
        return Result("accept")

    monkeypatch.setattr(verifier_model.model, "check", spy)
    p = write(tmp_path, "a.s", "")
    unpriv = tmp_path / "u.s"
    unpriv.write_text("# profile: unprivileged\n" + PROG.format(body=""))
    run_main(capsys, "check", "--profile", "patch-v4", "--log-level", "2", "--time-limit", "3",
             "--prog-type", "tc", str(p), str(unpriv))
    assert seen[0] == {"profile": "patch-v4", "privileged": True, "log_level": 2, "time_limit": 3.0,
                       "prog_type": 3}
    assert seen[1]["privileged"] is False  # the file's `# profile: unprivileged` line
    run_main(capsys, "check", "--unprivileged", str(p))
    assert seen[2]["privileged"] is False


def test_text_has_no_colour_when_not_a_tty(tmp_path: Path, fake_model: None,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    leak = write(tmp_path, "leak.s", "\tcall bpf_xdp_ct_lookup\n")
    _, out, _ = run_main(capsys, "check", str(leak))
    assert "\033[" not in out and ": reject" in out


# --- end to end, with the model ---------------------------------------------------------------

@needs_model
def test_readme_first_command_prints_a_useful_report() -> None:
    p = cli_run("check", "examples/asm/ct_lookup_leak.s")
    assert p.returncode == 1, p.stderr
    out = p.stdout
    assert out.startswith("examples/asm/ct_lookup_leak.s [xdp]: reject\n")
    assert "Unreleased reference id=2 alloc_insn=19" in out
    assert "BPF_EXIT instruction in main prog would lead to reference leak" in out
    assert "at insn 26 (line 38):" in out
    assert "26: (95) exit" in out and "24: (85) call bpf_ct_release" in out
    assert "reference acquired at insn 19 (line 30)" in out
    assert "path: 20 fallthrough -> 22 taken -> 26" in out
    assert "\033[" not in out and "Traceback" not in p.stderr


@needs_model
def test_release_example_accepts() -> None:
    p = cli_run("check", "examples/asm/ct_lookup_release.s")
    assert p.returncode == 0, p.stdout + p.stderr
    assert ": accept" in p.stdout


@needs_model
def test_jsonl_row_per_input_and_bad_input_does_not_stop_the_batch(tmp_path: Path) -> None:
    bad = tmp_path / "bad.s"
    bad.write_text("\t.section xdp\n\tr0 = = 1\n\texit\n")
    p = cli_run("check", "--format", "jsonl", str(RELEASE), str(bad), str(LEAK))
    assert p.returncode == 2  # an input error anywhere
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    assert [r["verdict"] for r in rows] == ["accept", "error", "reject"]
    assert rows[1]["error"][0].startswith(f"{bad}:2:")
    assert rows[2]["error"] == ["Unreleased reference id=2 alloc_insn=19",
                                "BPF_EXIT instruction in main prog would lead to reference leak"]
    assert rows[2]["insn"] == 26 and rows[2]["line"] == 38


@needs_model
def test_corpus_directory_rows_match_the_recorded_kernel_verdicts() -> None:
    p = cli_run("check", "--format", "jsonl", "corpus/exit", "corpus/refs")
    rows = [json.loads(x) for x in p.stdout.splitlines()]
    files = sorted((ROOT / "corpus/exit").glob("*.s")) + sorted((ROOT / "corpus/refs").glob("*.s"))
    assert [r["file"] for r in rows] == [str(f.relative_to(ROOT)) for f in files]
    for r, f in zip(rows, files, strict=True):
        exp = read_file(f).expectation
        assert exp is not None
        assert r["verdict"] == exp.verdict, r["file"]
        if exp.verdict == "reject":
            assert r["error"] == list(exp.errors), r["file"]
            assert r["insn"] == exp.insn, r["file"]
    assert p.returncode == 1


@needs_model
def test_witness_in_json() -> None:
    p = cli_run("check", "--format", "json", "--witness", "examples/asm/ct_lookup_leak.s")
    (row,) = json.loads(p.stdout)
    assert row["witness"]["feasible"] is True
    assert row["witness"]["inputs"]["lookups"] == [True]
    t = cli_run("check", "--witness", "examples/asm/ct_lookup_leak.s")
    assert "witness: feasible" in t.stdout


@needs_model
def test_log_level_adds_the_kernel_format_log() -> None:
    p = cli_run("check", "--format", "jsonl", "--log-level", "1", "examples/asm/ct_lookup_leak.s")
    (row,) = [json.loads(x) for x in p.stdout.splitlines()]
    assert "processed 29 insns" in row["log"]


@needs_model
@needs_schema
def test_sarif_validates_against_the_2_1_0_schema() -> None:
    p = cli_run("check", "--format", "sarif", "examples/asm/ct_lookup_leak.s", "corpus/exit")
    doc = json.loads(p.stdout)
    jsonschema.validate(doc, SCHEMA)
    assert doc["version"] == "2.1.0"
    res = doc["runs"][0]["results"]
    leak = next(r for r in res if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                == "examples/asm/ct_lookup_leak.s")
    assert leak["ruleId"] == "unreleased-reference-id-n-alloc-insn-n"
    assert leak["locations"][0]["physicalLocation"]["region"]["startLine"] == 38
    steps = leak["codeFlows"][0]["threadFlows"][0]["locations"]
    assert [s["properties"]["insn"] for s in steps] == [20, 22, 26]
    assert [s["location"]["physicalLocation"]["region"]["startLine"] for s in steps] == [31, 33, 38]


@needs_schema
def test_sarif_of_an_input_error_is_valid(tmp_path: Path, fake_model: None,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.s"
    bad.write_text("\t.section xdp\n\tr0 = = 1\n\texit\n")
    rc, out, _ = run_main(capsys, "check", "--format", "sarif", str(bad))
    doc = json.loads(out)
    jsonschema.validate(doc, SCHEMA)
    assert doc["runs"][0]["results"][0]["ruleId"] == "input-error" and rc == 2


@needs_model
def test_elf_input_is_located_by_its_c_lines() -> None:
    obj = ROOT / "examples/xdp_ct_leak.o"
    if not obj.exists():
        pytest.skip("examples/xdp_ct_leak.o is not built")
    pytest.importorskip("verifier_model.frontend.elf")
    p = cli_run("check", "--format", "jsonl", str(obj.relative_to(ROOT)))
    (row,) = [json.loads(x) for x in p.stdout.splitlines()]
    if row["verdict"] != "reject" or row["line"] is None:
        pytest.skip(f"no C line for the error ({row['verdict']})")
    assert row["source_file"].endswith("xdp_ct_leak.c")
    t = cli_run("check", str(obj.relative_to(ROOT)))
    assert f"(xdp_ct_leak.c:{row['line']})" in t.stdout and "// ./examples/xdp_ct_leak.c:" in t.stdout
    # the lookup's C line, and the branch that leads to the leaking exit with its C line
    assert re.search(r"reference acquired at insn \d+ \(xdp_ct_leak\.c:\d+\)", t.stdout), t.stdout
    assert re.search(r"path: .*\d+ taken \(xdp_ct_leak\.c:\d+\) -> \d+$", t.stdout, re.M), t.stdout
    if SCHEMA is None:
        pytest.skip("SARIF schema not fetched (.cache/sarif): scripts/setup.sh gets it from the npm registry")
    s = cli_run("check", "--format", "sarif", str(obj.relative_to(ROOT)))
    doc = json.loads(s.stdout)
    jsonschema.validate(doc, SCHEMA)
    phys = doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]
    assert phys == {"artifactLocation": {"uri": "examples/xdp_ct_leak.c"}, "region": {"startLine": row["line"]}}
