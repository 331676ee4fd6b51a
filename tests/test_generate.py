"""The seeded program generator: deterministic, well-formed, varied."""
from __future__ import annotations

import importlib
import re
import shutil
import subprocess

import pytest

from verifier_model.triage.generate import BUGS, generate

LLVM_MC = shutil.which("llvm-mc-19")


def _asm_parse():
    """verifier_model.frontend.asm.parse if the frontend exists yet, else None."""
    try:
        mod = importlib.import_module("verifier_model.frontend.asm")
    except ImportError:
        return None
    return getattr(mod, "parse", None)


def _llvm_source(text: str) -> str:
    """Our dialect minus its own directives, as plain llvm-mc input."""
    out = []
    for line in text.splitlines():
        s = line.strip()
        if s.startswith((".map", ".subprog", ".license")):
            continue
        if s.startswith(".section"):
            out.append("\t.text")
            continue
        out.append(line)
    return "\n".join(out) + "\n"


def _insn_count(text: str) -> int:
    return sum(1 for ln in text.splitlines() if ln.startswith("\t") and not ln.strip().startswith("."))


def test_same_seed_same_programs():
    assert generate(11, 25) == generate(11, 25)


def test_program_i_does_not_depend_on_count():
    assert generate(5, 40)[:10] == generate(5, 10)


def test_different_seeds_differ():
    assert [t for _, t in generate(1, 10)] != [t for _, t in generate(2, 10)]


def test_names_and_header():
    progs = generate(3, 12)
    assert [n for n, _ in progs] == [f"g3_{i}" for i in range(12)]
    for i, (_, text) in enumerate(progs):
        lines = text.splitlines()
        assert lines[0] == f"# scenario: generated seed=3 index={i}"
        assert "\t.section xdp" in lines
        assert not any(ln.startswith("# kernel") for ln in lines)


def test_tc_programs_use_the_skb_kfunc():
    for _, text in generate(4, 10, prog_type="tc"):
        assert "\t.section tc" in text
        assert "call bpf_skb_ct_lookup" in text
        assert "bpf_xdp_ct_lookup" not in text


def test_unknown_prog_type_is_refused():
    with pytest.raises(ValueError):
        generate(1, 1, prog_type="socket")


def test_programs_are_short():
    for _, text in generate(9, 200):
        assert 20 <= _insn_count(text) <= 80


def test_programs_are_varied():
    progs = generate(21, 200)
    texts = {t.split("\n", 1)[1] for _, t in progs}
    assert len(texts) > 190
    shapes = " ".join(t.splitlines()[1] for _, t in progs)
    # valid programs and injected mistakes of several kinds both occur
    assert shapes.count("release") > 100
    for marker in ("leak", "double_release", "check(!=)", "check(==)", "spill(", "lookup, "):
        assert marker in shapes, marker
    assert len(BUGS) >= 10


def test_labels_are_defined_once_and_used():
    for _, text in generate(13, 100):
        defined = re.findall(r"^(\w+):$", text, re.MULTILINE)
        assert len(defined) == len(set(defined))
        for target in re.findall(r"goto (\w+)$", text, re.MULTILINE):
            assert target in defined


@pytest.mark.parametrize("prog_type", ["xdp", "tc"])
def test_every_program_assembles(prog_type):
    progs = generate(17, 60, prog_type=prog_type)
    parse = _asm_parse()
    if parse is not None:
        for name, text in progs:
            parsed = parse(text, file=name + ".s")
            assert len(parsed) == 1
            assert 20 <= len(parsed[0].insns) <= 80
        return
    if LLVM_MC is None:
        pytest.skip("neither verifier_model.frontend.asm.parse nor llvm-mc-19 is available")
    for name, text in progs:
        r = subprocess.run([LLVM_MC, "-triple", "bpf", "-mcpu=v4", "-filetype=obj", "-o", "/dev/null", "-"],
                           input=_llvm_source(text), capture_output=True, text=True, check=False)
        assert r.returncode == 0 and not r.stderr.strip(), (name, r.stderr)
