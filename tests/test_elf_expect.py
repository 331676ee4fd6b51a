"""The C examples (examples/*.o) against their recorded expectations (foo.expect.json, written
by `verifier-model record` from the live kernel): the kernel still says the same, the model
says the same, and `record` writes sidecars for objects."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from verifier_model import cli, kernel
from verifier_model.commands.record import expect_path, object_digest, read_expect
from verifier_model.frontend import load
from verifier_model.program import Program

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
OBJECTS = sorted(EXAMPLES.glob("*.o"))
AVAILABLE, REASON = kernel.available()
needs_kernel = pytest.mark.skipif(not AVAILABLE, reason=f"kernel oracle: {REASON}")

# what each example is for: (verdict, a fragment of the first error line)
INTENT = {
    "xdp_synproxy_established": ("accept", None),
    "tc_ct_mark_copy": ("accept", None),
    "xdp_ct_alloc_insert": ("accept", None),
    "tc_ct_change_status": ("accept", None),
    "xdp_ct_leak": ("reject", "Unreleased reference"),
    "xdp_ct_use_after_release": ("reject", "invalid mem access 'scalar'"),
    "xdp_ct_no_null_check": ("reject", "invalid mem access 'ptr_or_null_'"),
    "xdp_ct_opts_size": ("reject", "invalid access to map value"),
    "tc_ct_double_release": ("reject", None),
}


def recorded(obj: Path) -> dict:
    """The sidecar of `obj`; skips when it is missing or the object was rebuilt since."""
    try:
        doc = read_expect(obj)
    except FileNotFoundError:
        pytest.skip(f"{expect_path(obj).name} was never recorded: run verifier-model record {obj}")
    if doc.get("sha256") != object_digest(obj):
        pytest.skip(f"{obj.name} was rebuilt (another clang?) since {expect_path(obj).name} was recorded; "
                    f"re-run verifier-model record {obj}")
    return doc


def programs_with_expectations(obj: Path) -> list[tuple[Program, dict]]:
    doc = recorded(obj)
    programs = load(obj)
    assert [p.name for p in programs] == [e["name"] for e in doc["programs"]]
    return list(zip(programs, doc["programs"]))


def test_every_example_is_built_and_recorded() -> None:
    sources = sorted(p.stem for p in EXAMPLES.glob("*.c"))
    assert sources == sorted(INTENT)
    if not OBJECTS:
        pytest.skip("the C examples are not built: run examples/build.sh")
    assert sorted(p.stem for p in OBJECTS) == sources
    for obj in OBJECTS:
        assert expect_path(obj).exists(), f"run verifier-model record {obj}"


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda p: p.stem)
def test_recorded_expectations_say_what_the_example_is_for(obj: Path) -> None:
    doc = recorded(obj)
    verdict, fragment = INTENT[obj.stem]
    (entry,) = doc["programs"]
    assert entry["verdict"] == verdict
    if fragment:
        assert fragment in entry["errors"][0]
    assert doc["kernel-version"] and entry["processed"] > 0


@needs_kernel
@pytest.mark.parametrize("obj", OBJECTS, ids=lambda p: p.stem)
def test_kernel_agrees_with_the_recorded_expectations(obj: Path) -> None:
    for program, want in programs_with_expectations(obj):
        got = kernel.load(program)
        assert got.verdict == want["verdict"], got.log[-2000:]
        assert got.errors == want["errors"]
        assert got.insn == want["insn"]
        assert got.processed == want["processed"]


@needs_kernel
def test_kernel_log_carries_the_c_source_lines() -> None:
    """The oracle passes the object's line info: the log names C lines as `; text @ file:line`."""
    obj = EXAMPLES / "xdp_ct_leak.o"
    if not obj.exists():
        pytest.skip("the C examples are not built")
    (program,) = load(obj)
    log = kernel.load(program).log
    line = _source_line(EXAMPLES / "xdp_ct_leak.c", "ct = bpf_xdp_ct_lookup(")
    assert f"; ct = bpf_xdp_ct_lookup(ctx, &tup, sizeof(tup.ipv4), &opts, sizeof(opts)); @ xdp_ct_leak.c:{line}" in log


@pytest.mark.parametrize("obj", OBJECTS, ids=lambda p: p.stem)
def test_model_agrees_with_the_recorded_expectations(obj: Path) -> None:
    try:
        from verifier_model.model import check
    except ImportError as e:
        pytest.skip(f"verifier_model.model.check is not available yet ({e})")
    for program, want in programs_with_expectations(obj):
        got = check(program)
        assert got.verdict == want["verdict"], (got.errors, got.extra)
        assert got.errors == want["errors"]
        assert got.insn == want["insn"]
        if got.verdict == "reject" and "Unreleased reference" in got.errors[0]:
            _leak_points_at_the_lookup(obj, program, got.errors[0])


def _leak_points_at_the_lookup(obj: Path, program: Program, message: str) -> None:
    """The leak message's alloc_insn maps, through the line info, to the C line of the lookup."""
    m = re.search(r"alloc_insn=(\d+)", message)
    assert m, message
    loc = program.c_loc(int(m[1]))
    assert loc is not None
    src = EXAMPLES / Path(loc.file).name
    assert src == obj.with_suffix(".c")
    assert loc.line == _source_line(src, "ct = bpf_xdp_ct_lookup(")


def _source_line(path: Path, needle: str) -> int:
    hits = [i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    assert len(hits) == 1
    return hits[0]


@needs_kernel
def test_record_writes_a_sidecar_for_an_object(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = EXAMPLES / "xdp_ct_leak.o"
    if not src.exists():
        pytest.skip("the C examples are not built")
    obj = tmp_path / "leak.o"
    shutil.copy(src, obj)
    assert cli.main(["record", "--dry-run", str(obj)]) == 0
    assert not expect_path(obj).exists()
    assert f"==> {tmp_path / 'leak.expect.json'}" in capsys.readouterr().out
    assert cli.main(["record", str(tmp_path)]) == 0  # directories are searched for .o too
    doc = json.loads((tmp_path / "leak.expect.json").read_text())
    assert doc["object"] == "leak.o" and doc["sha256"] == object_digest(obj)
    assert doc["kernel-version"] == kernel.kernel_release()
    (entry,) = doc["programs"]
    assert entry["name"] == "ct_leak" and entry["section"] == "xdp" and entry["prog_type"] == "xdp"
    assert entry["verdict"] == "reject" and entry["errno"] == "EINVAL"
    assert entry["errors"][1] == "BPF_EXIT instruction in main prog would lead to reference leak"
    out = capsys.readouterr().out
    assert "leak.o: ct_leak: reject EINVAL at insn" in out
    assert cli.main(["record", str(obj)]) == 0
    assert "(unchanged)" in capsys.readouterr().out


def test_record_reports_a_truncated_object(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(kernel, "available", lambda: (True, "stubbed"))
    bad = tmp_path / "bad.o"
    bad.write_bytes(b"\x7fELF" + b"\0" * 20)
    assert cli.main(["record", str(bad)]) == 2
    err = capsys.readouterr().err
    assert str(bad) in err and "error:" in err
    assert not expect_path(bad).exists()


@needs_kernel
def test_diff_takes_an_object(capsys: pytest.CaptureFixture[str]) -> None:
    """`verifier-model diff foo.o` loads an ELF object (it has no '# profile:' header to read)."""
    obj = EXAMPLES / "xdp_ct_leak.o"
    if not obj.exists():
        pytest.skip("the C examples are not built")
    assert cli.main(["diff", str(obj)]) in (0, 1)
    out = capsys.readouterr().out
    assert "verdict     reject (EINVAL)  reject (EINVAL)" in out
    assert "errors: identical\n  = Unreleased reference id=3 alloc_insn=42\n" in out
