"""`verifier-model fuzz` and the divergence reducer.

The reducer tests run anywhere: the "kernel" is the real model and the "model" a synthetic one
that rejects every program writing the conntrack mark, so the two diverge on a known rule. The
live run of the command skips with the reason when bpf() is not permitted.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from verifier_model.cli import main
from verifier_model.commands import fuzz
from verifier_model.corpus import read_header
from verifier_model.frontend.asm import parse
from verifier_model.kernel import loader
from verifier_model.model import check
from verifier_model.result import Result
from verifier_model.triage.generate import generate
from verifier_model.triage.reduce_divergence import (
    ddmin,
    divergence,
    instruction_lines,
    reduce_text,
)

MARK_WRITE = re.compile(r"^\s*\*\(u(?:8|16|32) \*\)\(r\d \+ 168\) =", re.MULTILINE)
SYNTHETIC = "synthetic: the mark is read-only here"


def _real(prog, opts, log_level=1):
    return check(prog, privileged=opts.privileged, log_level=log_level, time_limit=opts.time_limit)


def _synthetic(prog, opts, log_level=1):
    """The real model, except that any mark write is rejected (a planted divergence)."""
    r = _real(prog, opts, log_level)
    if _writes_mark(prog):
        return Result("reject", [SYNTHETIC], insn=0, log=r.log + SYNTHETIC + "\n")
    return r


def _writes_mark(prog) -> bool:
    from verifier_model.isa.insn import Store, StoreImm

    return any(isinstance(i, (Store, StoreImm)) and i.off == 168 and i.dst != 10 for i in prog.insns)


def _planted_case() -> tuple[str, str]:
    """A generated program the real model accepts and that writes the mark."""
    for name, text in generate(21, 400):
        if MARK_WRITE.search(text) and check(parse(text, name)[0]).verdict == "accept":
            return name, text
    raise AssertionError("no generated program writes the mark")  # pragma: no cover


@pytest.fixture
def planted(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(fuzz, "run_model", _synthetic)
    monkeypatch.setattr(fuzz, "run_kernel", _real)


# -- pieces ---------------------------------------------------------------------------------------


def test_ddmin_finds_a_minimal_sublist() -> None:
    items = list(range(40))
    calls = []

    def keeps(xs: list[int]) -> bool:
        calls.append(len(xs))
        return 7 in xs and 31 in xs and xs.index(7) < xs.index(31)

    assert ddmin(items, keeps) == [7, 31]
    assert len(calls) < 200


def test_ddmin_respects_the_test_budget() -> None:
    out = ddmin(list(range(64)), lambda xs: 5 in xs, max_tests=3)
    assert 5 in out and len(out) < 64


def test_divergence_kinds() -> None:
    acc = Result("accept")
    rej = Result("reject", ["Unreleased reference id=2 alloc_insn=18"], insn=20)
    assert divergence(acc, Result("accept")) is None
    assert divergence(rej, Result("reject", list(rej.errors), insn=20)) is None
    assert divergence(acc, rej).kind == "verdict"
    assert divergence(rej, Result("reject", ["R1 invalid mem access 'scalar'"], insn=20)).kind == "errors"
    shifted = Result("reject", list(rej.errors), insn=21)
    assert divergence(rej, shifted).kind == "insn"
    assert divergence(rej, shifted, compare_insn=False) is None
    # numbers are masked in the class: the same leak at another instruction is the same class
    other = Result("accept")
    moved = Result("reject", ["Unreleased reference id=4 alloc_insn=27"], insn=30)
    assert divergence(rej, acc).key == divergence(moved, other).key


def test_reduce_text_keeps_labels_that_are_jumped_to() -> None:
    text = "\t.section xdp\n\tr0 = 0\n\tr1 = 1\n\tif r1 == 0 goto out\n\tr2 = 2\nout:\n\tr0 = 1\n\texit\n"
    small = reduce_text(text, lambda t: "goto out" in t and "exit" in t)
    assert small.splitlines() == ["\t.section xdp", "\tif r1 == 0 goto out", "out:", "\texit"]
    # a label nothing refers to any more goes
    assert "out:" not in reduce_text(text, lambda t: "exit" in t)


# -- the reducer on a planted divergence (runs anywhere) -------------------------------------------


def test_reducer_shrinks_a_planted_divergence_and_keeps_it(planted: None) -> None:
    name, text = _planted_case()
    opts = fuzz.FuzzOptions()
    key = fuzz.divergence_key(text, name, opts)
    assert key is not None and key.startswith("verdict reject/accept") and "synthetic" in key
    small = fuzz.reduce_program(text, name, key, opts)
    lines = instruction_lines(small)
    assert len(lines) < len(instruction_lines(text))
    assert fuzz.divergence_key(small, name, opts) == key
    # 1-minimal: no single instruction line can go without losing the divergence
    rows = small.splitlines()
    for i in lines:
        assert fuzz.divergence_key("\n".join(rows[:i] + rows[i + 1:]) + "\n", name, opts) != key
    # still a complete program the real verifier accepts: lookup, check, mark write, release
    assert check(parse(small, name)[0]).verdict == "accept"
    assert MARK_WRITE.search(small) and "bpf_ct_release" in small


def test_fuzz_command_writes_reduced_reproducers(planted: None, monkeypatch: pytest.MonkeyPatch,
                                                 tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(loader, "available", lambda: (True, "stubbed"))
    out = tmp_path / "out"
    assert main(["fuzz", "--seed", "21", "--count", "12", "--out", str(out), "--quiet"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["programs"] == 12 and summary["disagree"] > 0
    assert summary["agree"] + summary["disagree"] + summary["model_errors"] == 12
    assert all(SYNTHETIC in c["class"] for c in summary["classes"])
    text = capsys.readouterr().out
    assert "disagree" in text and "agreement" in text
    repros = sorted(p for p in out.glob("*.s") if not p.name.endswith(".orig.s"))
    assert len(repros) == summary["disagree"]
    for p in repros:
        body = p.read_text()
        assert "# model: reject" in body and f"# model-error: {SYNTHETIC}" in body
        head = read_header(body)
        assert head.expectation is not None
        if "# divergence: verdict reject/accept" in body:
            assert head.expectation.verdict == "accept" and not head.expectation.errors
        assert len(parse(body, str(p))) == 1
        assert (out / f"{p.stem}.model.log").read_text().strip()
        assert (out / f"{p.stem}.kernel.log").exists()
        assert len(instruction_lines(body)) < len(instruction_lines((out / f"{p.stem}.orig.s").read_text()))


def test_fuzz_exits_2_without_a_kernel(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(loader, "available", lambda: (False, "bpf(BPF_PROG_LOAD) is not permitted (EPERM)"))
    assert main(["fuzz", "--count", "3", "--out", str(tmp_path / "o")]) == 2
    assert "kernel oracle is unavailable: bpf(BPF_PROG_LOAD) is not permitted" in capsys.readouterr().err


def test_programs_alternate_types_and_are_deterministic() -> None:
    progs = fuzz.programs(4, 6, "both")
    assert [n for n, _ in progs] == ["g4_0_xdp", "g4_1_tc", "g4_2_xdp", "g4_3_tc", "g4_4_xdp", "g4_5_tc"]
    assert ".section tc" in progs[1][1] and ".section xdp" in progs[0][1]
    assert fuzz.programs(4, 6, "xdp") == generate(4, 6)


# -- live ------------------------------------------------------------------------------------------


def _kernel_or_skip() -> None:
    ok, reason = loader.available()
    if not ok:
        pytest.skip(reason)


def test_fuzz_live_small_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _kernel_or_skip()
    out = tmp_path / "fz"
    assert main(["fuzz", "--seed", "7", "--count", "60", "--out", str(out), "--jobs", "2", "--quiet"]) == 0
    summary = json.loads((out / "summary.json").read_text())
    assert summary["programs"] == 60
    assert summary["agree"] + summary["disagree"] + summary["model_errors"] + summary["kernel_errors"] == 60
    assert set(summary["kernel_verdicts"]) == {"accept", "reject"}
    text = capsys.readouterr().out
    assert re.search(r"agreement\s+\d+\.\d\d%", text)
    # every divergence has its reproducer and both logs
    for c in summary["classes"]:
        for name in c["examples"]:
            assert (out / f"{name}.s").exists() and (out / f"{name}.kernel.log").exists()


def test_mutate_is_deterministic_and_changes_instructions_only() -> None:
    name, text = generate(9, 1)[0]
    a, b = fuzz.mutate(text, 9, name, 4), fuzz.mutate(text, 9, name, 4)
    assert a == b and a != text
    assert fuzz.mutate(text, 9, name, 0) == text
    keep = [ln for ln in text.splitlines() if not ln.startswith("\t") or ln.strip().startswith(".")]
    assert [ln for ln in a.splitlines() if ln in keep] == keep  # labels, directives, header untouched
    assert len({fuzz.mutate(text, 9, name, 4) for name in ("a", "b", "c", "d")}) > 1
