"""State equivalence and the facts pruning relies on (model/prune.py, model/cfg.py, the
precision walk in model/explore.py), on hand-built values and small programs (no kernel)."""
from __future__ import annotations

from dataclasses import replace

from verifier_model.frontend.asm import parse
from verifier_model.model import check
from verifier_model.model.cfg import compute_scc
from verifier_model.model.prune import Exact, IdMap, regsafe, stacksafe
from verifier_model.model.regs import BPF_ADD_CONST64, NOT_INIT, const_scalar, unknown_scalar
from verifier_model.model.scalar import Scalar
from verifier_model.model.state import BPF_REG_SIZE, Frame, SlotKind, StackSlot

M, S = SlotKind.MISC, SlotKind.SPILL


def _frame(*slots: StackSlot) -> Frame:
    return Frame(regs=(NOT_INIT,) * 11, stack=slots)


def test_later_loop_gets_the_lower_scc_number() -> None:
    """compute_scc numbers components as Tarjan's DFS completes them: the loop reached last
    completes first."""
    prog = parse("""
	.section xdp
	r1 = 0
l1:
	r1 += 1
	if r1 < 3 goto l1
	r2 = 0
l2:
	r2 += 1
	if r2 < 3 goto l2
	r0 = 2
	exit
""")[0]
    assert compute_scc(prog) == {1: 2, 2: 2, 4: 1, 5: 1}


def test_range_within_needs_identical_slot_types() -> None:
    """6.18's stacksafe compares slot types byte for byte for RANGE_WITHIN as for EXACT: misc
    bytes explored before do not cover a spilled constant now (they do for NOT_EXACT)."""
    old = _frame(StackSlot((M,) * BPF_REG_SIZE))
    cur = _frame(StackSlot((S,) * BPF_REG_SIZE, const_scalar(1)))
    assert stacksafe(old, cur, IdMap(), Exact.NOT_EXACT, True)
    assert not stacksafe(old, cur, IdMap(), Exact.RANGE_WITHIN, True)


def test_old_scalar_without_id_accepts_a_linked_one() -> None:
    """An explored precise scalar with no id relied on no link: a current one linked with a
    delta only adds constraints. The other way round the link must be matched."""
    old = replace(const_scalar(0), scalar=Scalar.unknown(), precise=True)
    cur = replace(old, precise=False, id=3 | BPF_ADD_CONST64, off=1)
    assert regsafe(old, cur, IdMap(), Exact.NOT_EXACT)
    assert not regsafe(replace(cur, precise=True), replace(old, precise=False), IdMap(), Exact.NOT_EXACT)


def test_linked_old_scalar_needs_the_same_base_id_mapping() -> None:
    """Two explored scalars linked through one base id (r6 = id 5, r7 = id 5 + delta) cannot be
    matched by current ones linked to different bases."""
    idm = IdMap()
    r6 = replace(unknown_scalar(), precise=True, id=5)
    r7 = replace(r6, id=5 | BPF_ADD_CONST64, off=1)
    assert regsafe(r6, replace(r6, id=8), idm, Exact.NOT_EXACT)
    assert not regsafe(r7, replace(r7, id=9 | BPF_ADD_CONST64), idm, Exact.NOT_EXACT)


def test_precision_of_a_subprogram_argument_reaches_the_caller() -> None:
    """f branches on its r1, a constant main passed: the walk goes back through the call
    instruction into main's frame, where r1 came from r9 (backtrack_insn's bt_subprog_exit)."""
    prog = parse("""
	.section xdp
	r9 = 1
	r1 = r9
	call f
	r0 = 2
	exit
f:
	r0 = r1
	if r0 > 10 goto big
	r0 = 0
big:
	exit
""")[0]
    res = check(prog, log_level=2)
    assert res.verdict == "accept"
    lines = res.log.splitlines()
    start = lines.index("mark_precise: frame1: regs=r1 stack= before 2: (85) call pc+2")
    assert lines[start + 1:start + 3] == [
        "mark_precise: frame0: regs=r1 stack= before 1: (bf) r1 = r9",
        "mark_precise: frame0: regs=r9 stack= before 0: (b7) r9 = 1",
    ]
