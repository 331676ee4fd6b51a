"""`verifier-model record` and `verifier-model diff` end to end, with the frontend (and for diff
the model) stood in by Program values, so these run before those modules land."""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from verifier_model import cli, kernel
from verifier_model.commands.diff import first_state_difference, render_diff
from verifier_model.corpus import read_file
from verifier_model.isa.insn import Alu, Jmp, Load
from verifier_model.program import Program

AVAILABLE, REASON = kernel.available()
needs_kernel = pytest.mark.skipif(not AVAILABLE, reason=f"kernel oracle: {REASON}")

EXIT = Jmp(0x95)
# F23: packet read without a bounds check
PKT_NO_CHECK = Program((Load(0x61, 2, 1, 0, 0), Load(0x71, 0, 2, 0, 0), EXIT))
# F2/P1: uninitialised stack read, fine for root only
UNINIT_STACK = Program((Load(0x79, 0, 10, -8), Alu(0xB7, 0, 0, 0, 0), EXIT))
OK = Program((Alu(0xB7, 0, 0, 0, 2), EXIT))


@pytest.fixture
def frontend(monkeypatch: pytest.MonkeyPatch) -> dict[str, Program]:
    """File name -> the Program the stand-in frontend returns for it."""
    programs: dict[str, Program] = {}

    def load(path: str, prog_type: object = None) -> list[Program]:
        return [replace(programs[Path(path).name], file=path)]

    monkeypatch.setattr("verifier_model.frontend.load", load, raising=False)
    return programs


@needs_kernel
def test_record_writes_the_kernels_verdict(tmp_path: Path, frontend: dict[str, Program],
                                           capsys: pytest.CaptureFixture[str]) -> None:
    frontend["pkt.s"] = PKT_NO_CHECK
    path = tmp_path / "pkt.s"
    path.write_text("# scenario: packet read without a check\n\t.section xdp\n\texit\n")
    assert cli.main(["record", str(path)]) == 0
    text = path.read_text()
    assert text.startswith("# scenario: packet read without a check\n# kernel: reject\n# kernel-errno: EACCES\n"
                           "# kernel-insn: 1\n# kernel-error: invalid access to packet, off=0 size=1, "
                           "R2(id=0,off=0,r=0)\n# kernel-error: R2 offset is outside of the packet\n"
                           "# kernel-processed: 2\n# kernel-version: ")
    assert text.endswith("\t.section xdp\n\texit\n")
    assert "pkt.s: reject EACCES at insn 1: invalid access to packet" in capsys.readouterr().out
    assert cli.main(["record", str(path)]) == 0
    assert path.read_text() == text


@needs_kernel
def test_record_honours_the_unprivileged_profile(tmp_path: Path, frontend: dict[str, Program]) -> None:
    frontend["root.s"] = frontend["user.s"] = UNINIT_STACK
    (tmp_path / "root.s").write_text("\texit\n")
    (tmp_path / "user.s").write_text("# profile: unprivileged\n\texit\n")
    (tmp_path / "notes.txt").write_text("not a program")
    assert cli.main(["record", str(tmp_path)]) == 0
    root = read_file(tmp_path / "root.s").expectation
    user = read_file(tmp_path / "user.s").expectation
    assert root is not None and root.verdict == "accept" and root.processed == 3
    assert user is not None and user.verdict == "reject"
    assert user.errors == ("invalid read from stack R10 off=-8 size=8",)
    assert (tmp_path / "notes.txt").read_text() == "not a program"


@needs_kernel
def test_record_dry_run_changes_nothing(tmp_path: Path, frontend: dict[str, Program],
                                        capsys: pytest.CaptureFixture[str]) -> None:
    frontend["ok.s"] = OK
    path = tmp_path / "ok.s"
    path.write_text("\texit\n")
    assert cli.main(["record", "--dry-run", str(path)]) == 0
    assert path.read_text() == "\texit\n"
    out = capsys.readouterr().out
    assert f"==> {path}\n# kernel: accept\n# kernel-processed: 2\n" in out


def test_record_needs_the_kernel(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(kernel, "available", lambda: (False, "bpf() is not permitted"))
    (tmp_path / "x.s").write_text("\texit\n")
    assert cli.main(["record", str(tmp_path / "x.s")]) == 2
    assert "unavailable: bpf() is not permitted" in capsys.readouterr().err


# --- diff ------------------------------------------------------------------------------------
@needs_kernel
def test_diff_of_identical_results_reports_no_difference() -> None:
    theirs = kernel.load(PKT_NO_CHECK, log_level=2)
    same, lines = render_diff("pkt.s", replace(theirs, source="model"), theirs)
    assert same
    assert "states: identical" in lines and "errors: identical" in lines


@needs_kernel
def test_diff_finds_the_first_differing_state(frontend: dict[str, Program], monkeypatch: pytest.MonkeyPatch,
                                              tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    theirs = kernel.load(PKT_NO_CHECK, log_level=2)
    wrong_log = theirs.log.replace("R2=pkt(r=0)", "R2=scalar()")

    def check(program: Program, **_: object) -> object:
        return replace(theirs, log=wrong_log, errors=["R2 invalid mem access 'scalar'"], source="model")

    monkeypatch.setattr("verifier_model.model.check", check, raising=False)
    frontend["pkt.s"] = PKT_NO_CHECK
    (tmp_path / "pkt.s").write_text("\texit\n")
    assert cli.main(["diff", str(tmp_path / "pkt.s")]) == 1
    out = capsys.readouterr().out
    assert "first differing state: insn 0" in out
    assert "R2=scalar()" in out and "R2=pkt(r=0)" in out
    assert "! model:  R2 invalid mem access 'scalar'" in out


def test_first_state_difference_ignores_padding_and_kernel_addresses() -> None:
    a = "1: (18) r1 = 0xffff888104381800       ; R1=map_ptr(ks=4,vs=8)\n3: (95) exit\n"
    b = "1: (18) r1 = 0xffff8881043dec00 ; R1=map_ptr(ks=4,vs=8)\n3: (95) exit\n"
    assert first_state_difference(a, b) is None
    model = "1: (18) r1 = 0x0                      ; R1=map_ptr(ks=4,vs=8)\n3: (95) exit\n"
    assert first_state_difference(model, b) is None  # the model prints no address for a map
    const = "1: (18) r1 = 0x5 ; R1=5\n3: (95) exit\n"
    assert first_state_difference(const, const.replace("0x5", "0x6")) is not None
    diff = first_state_difference(a, a + "from 1 to 3: R0=1\n")
    assert diff is not None and diff.model is None and diff.kernel is not None and diff.kernel.kind == "from"
