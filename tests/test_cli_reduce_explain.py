"""`verifier-model reduce` (ddmin keeping the error class or a model/kernel divergence) and
`verifier-model explain` (reference lives from the level-2 log, the CFG in DOT)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from verifier_model import cli
from verifier_model.commands.explain import annotate_log, parse_state, split_state
from verifier_model.commands.reduce import Reducer, candidate_lines, reduce_text
from verifier_model.frontend.asm import parse
from verifier_model.report import error_class
from verifier_model.result import Result

ROOT = Path(__file__).resolve().parent.parent
LEAK = ROOT / "examples/asm/ct_lookup_leak.s"
RELEASE = ROOT / "examples/asm/ct_lookup_release.s"

try:
    import verifier_model.model.explore  # noqa: F401

    HAVE_MODEL = True
except ImportError:
    HAVE_MODEL = False
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="model core not available")


# --- ddmin itself --------------------------------------------------------------------------------

def test_ddmin_finds_the_minimal_pair() -> None:
    lines = [f"l{i}\n" for i in range(40)]

    def test(text: str) -> bool:
        return "l3\n" in text and "l37\n" in text

    red = Reducer(lines, list(range(40)), test)
    assert red.ddmin() == [3, 37]
    assert red.tests < 200


def test_candidates_skip_comments_blank_and_section() -> None:
    lines = ["# kernel: reject\n", "\t.section xdp\n", "\n", "\tr0 = 0\n", "out:\n", "\t.map m, type=hash\n",
             "\t// c\n", "\texit\n"]
    assert candidate_lines(lines) == [3, 4, 5, 7]


# --- reduce with the model -----------------------------------------------------------------------

@needs_model
def test_reduce_keeps_the_error_class_and_is_one_minimal(tmp_path: Path) -> None:
    from verifier_model.model import check

    out = tmp_path / "min.s"
    assert cli.main(["reduce", str(LEAK), "-o", str(out)]) == 0
    text = out.read_text()
    assert "# kernel:" not in text  # the original's expectations no longer apply
    (prog,) = parse(text, str(out))
    res = check(prog)
    assert res.verdict == "reject"
    assert error_class(res.errors) == "Unreleased reference id=N alloc_insn=N"
    (orig,) = parse(LEAK.read_text(), str(LEAK))
    assert len(prog.insns) < len(orig.insns) // 2
    lines = text.splitlines(keepends=True)
    for i in candidate_lines(lines):  # 1-minimal: every remaining line is needed
        try:
            (p,) = parse("".join(lines[:i] + lines[i + 1:]), "x.s")
        except Exception:  # noqa: BLE001, S112 - no longer parses: needed
            continue
        r = check(p)
        assert not (r.verdict == "reject" and error_class(r.errors) == error_class(res.errors)), lines[i]


@needs_model
def test_reduce_of_an_accepted_program_is_an_input_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["reduce", str(RELEASE)]) == 2
    assert "nothing to reduce" in capsys.readouterr().err


@needs_model
def test_reduce_bytecode_input_through_the_llvm_printer(tmp_path: Path) -> None:
    pytest.importorskip("verifier_model.isa.printer_llvm")
    from verifier_model.isa.codec import encode

    (prog,) = parse(LEAK.read_text(), str(LEAK))
    binf = tmp_path / "leak.bin"
    binf.write_bytes(encode(prog.insns))
    out = tmp_path / "min.s"
    assert cli.main(["reduce", str(binf), "--prog-type", "xdp", "-o", str(out)]) == 0
    assert "call bpf_xdp_ct_lookup" in out.read_text()


@needs_model
def test_reduce_kernel_divergence_with_a_fake_kernel(monkeypatch: pytest.MonkeyPatch) -> None:
    """The fake 'kernel' accepts everything: the divergence (model rejects with class C, kernel
    accepts) is what must survive."""
    from verifier_model.kernel import loader

    calls: list[int] = []

    def fake_load(program: Any, **kw: Any) -> Result:
        calls.append(len(program.insns))
        return Result("accept", source="kernel")

    monkeypatch.setattr(loader, "load", fake_load)
    text, stats = reduce_text(LEAK.read_text(), str(LEAK), kernel=True)
    assert calls and stats["insns_after"] < stats["insns_before"]
    assert "# running kernel: accept" in text and "# model: reject: Unreleased reference" in text


# --- explain -------------------------------------------------------------------------------------

LOG = """\
18: (85) call bpf_xdp_ct_lookup#66135         ; R0=ptr_or_null_nf_conn(id=2,ref_obj_id=2) refs=2
19: (15) if r0 == 0x0 goto pc+5       ; R0=ptr_nf_conn(ref_obj_id=2) refs=2
20: (7b) *(u64 *)(r10 -72) = r0       ; R0=ptr_nf_conn(ref_obj_id=2) R10=fp0 fp-72=ptr_nf_conn(ref_obj_id=2) refs=2
21: (bf) r1 = r0                      ; R0=ptr_nf_conn(ref_obj_id=2) R1=ptr_nf_conn(ref_obj_id=2) refs=2
22: (85) call bpf_ct_release#63789    ;
23: (79) r1 = *(u64 *)(r10 -72)       ; R1=scalar() R10=fp0 fp-72=scalar()
24: (95) exit
from 19 to 25: R0=0 R6=ctx() R10=fp0
25: (b7) r0 = 2                       ; R0=2
26: (95) exit
processed 25 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
"""


def test_split_and_parse_state() -> None:
    s = "R0=ptr_nf_conn(ref_obj_id=2) R1=scalar(smin=0,var_off=(0x0; 0xff)) frame1: fp-8=ptr_x(ref_obj_id=3) refs=2,3"
    assert split_state(s)[1] == "R1=scalar(smin=0,var_off=(0x0; 0xff))"
    holders, refs = parse_state(s)
    assert holders["R0"][0] == 2 and holders["R1"][0] is None and holders["frame1:fp-8"][0] == 3
    assert refs == {2, 3}


def test_annotate_log_tracks_a_reference_life() -> None:
    ann = annotate_log(LOG)
    life = [(e.kind, e.insn, e.detail) for e in ann.by_ref()[2]]
    assert life == [
        ("acquired", 18, " (bpf_xdp_ct_lookup#66135) in R0"),
        ("null-checked", 19, " (R0 is not NULL past it)"),
        ("spilled", 20, "fp-72"),
        ("copied", 21, "R1"),
        ("released", 22, " (bpf_ct_release#63789)"),
        ("null-branch", 19, "the branch from insn 19 to 25"),
    ]
    # events are printed right under the line that shows them
    by_line = {raw.split(":")[0]: evs for raw, evs in ann.lines if evs}
    assert [e.kind for e in by_line["22"]] == ["released"]


def test_annotate_log_reports_a_leak() -> None:
    log = ("5: (85) call bpf_xdp_ct_lookup#66135 ; R0=ptr_or_null_nf_conn(id=2,ref_obj_id=2) refs=2\n"
           "6: (95) exit\nUnreleased reference id=2 alloc_insn=5\n"
           "BPF_EXIT instruction in main prog would lead to reference leak\n")
    evs = annotate_log(log, error_insn=6).by_ref()[2]
    assert [(e.kind, e.insn) for e in evs] == [("acquired", 5), ("leaked", 6)]


@needs_model
def test_explain_leak_example_and_dot(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    dot = tmp_path / "cfg.dot"
    rc = cli.main(["explain", str(LEAK), "--dot", str(dot)])
    out = capsys.readouterr().out
    assert rc == 1
    from verifier_model.isa.names import kfunc_id  # the ids of the BTF the model reads

    assert f"^ ref 2 acquired at insn 19 (bpf_xdp_ct_lookup#{kfunc_id('bpf_xdp_ct_lookup')}) in R0" in out
    assert "^ ref 2 null-checked at insn 20" in out
    assert f"^ ref 2 released at insn 24 (bpf_ct_release#{kfunc_id('bpf_ct_release')})" in out
    assert "^ ref 2 leaked at exit insn 26 (alloc_insn=19)" in out
    assert "References:" in out
    text = dot.read_text()
    assert text.startswith('digraph "xdp" {')
    # the failing path: fallthrough at 20, taken at 22, error in the block of 25-26
    assert 'b0 -> b21 [label="fallthrough", color="red", penwidth=2];' in text
    assert 'b21 -> b25 [label="taken", color="red", penwidth=2];' in text
    assert 'b21 -> b23 [label="fallthrough"];' in text
    assert 'fillcolor="#ffdddd"' in text.split("b25 [")[1].split("\n")[0]
    import networkx as nx

    from verifier_model.commands.explain import build_cfg

    (prog,) = parse(LEAK.read_text(), str(LEAK))
    g = build_cfg(prog)
    assert nx.is_directed_acyclic_graph(g) and sorted(g.nodes) == [0, 21, 23, 25]


def test_explain_a_saved_log(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    f = tmp_path / "v.log"
    f.write_text(LOG)
    assert cli.main(["explain", "--log", str(f)]) == 0
    assert "ref 2 spilled to fp-72 at insn 20" in capsys.readouterr().out
