"""Stack-slot liveness (model/liveness.py, kernel/bpf/liveness.c): the data flow on small
programs, with the expected sets worked out by hand from

    live_before[i]    = (U live_before[succ]) - must_write[i] | may_read[i]
    must_write_acc[i] = (n must_write_acc[succ]) | must_write[i]

and its use in pruning (no kernel needed)."""
from __future__ import annotations

from verifier_model.frontend.asm import parse
from verifier_model.model import check
from verifier_model.model.cfg import check_cfg, find_subprogs
from verifier_model.model.liveness import StackLiveness, compute_postorder, fmt_stack_mask
from verifier_model.model.regs import NOT_INIT
from verifier_model.model.state import Frame, State
from verifier_model.program import Program

DIAMOND = """
	.section xdp
	r0 = 0
	if r1 > 0 goto right
	*(u64 *)(r10 - 8) = r0
	goto join
right:
	*(u64 *)(r10 - 16) = r0
join:
	r0 = *(u64 *)(r10 - 8)
	r0 = *(u64 *)(r10 - 16)
	exit
"""
# insn 2 writes fp-8 (spi 0), insn 4 writes fp-16 (spi 1), insns 5 and 6 read them
SPI0, SPI1 = 1 << 0, 1 << 1

CALL = """
	.section xdp
	r1 = r10
	r1 += -8
	call f
	r0 = *(u64 *)(r10 - 8)
	exit
f:
	r2 = 1
	*(u64 *)(r1 + 0) = r2
	r0 = 0
	exit
"""


def _prog(text: str) -> Program:
    return parse(text)[0]


def _liveness(prog: Program, log: list[str] | None = None) -> StackLiveness:
    subs = find_subprogs(prog)
    facts = check_cfg(prog, subs)
    return StackLiveness(prog, sorted(s.start for s in subs), facts.prune_points, facts.calls_callback,
                         log=log.append if log is not None else None)


def _state(*frames: tuple[int, int]) -> State:
    """A state with one frame per (subprogno, callsite)."""
    return State(frames=tuple(Frame(regs=(NOT_INIT,) * 11, frameno=i, subprogno=sp, callsite=cs)
                              for i, (sp, cs) in enumerate(frames)))


def _start(subprogno: int) -> int:
    return {0: 0, 1: 5}[subprogno]


def _visit(lv: StackLiveness, st: State, idx: int, *, reads: tuple[tuple[int, int], ...] = (),
           writes: tuple[tuple[int, int], ...] = ()) -> None:
    """One instruction of do_check: reset, the accesses as (frame, mask), commit."""
    lv.reset_stack_write_marks(st, idx, _start)
    for frame, mask in reads:
        lv.mark_stack_read(frame, idx, mask)
    for frame, mask in writes:
        lv.mark_stack_write(frame, mask)
    lv.commit_stack_write_marks()


def _walk_diamond(lv: StackLiveness) -> State:
    st = _state((0, -1))
    for idx, reads, writes in ((0, (), ()), (1, (), ()), (2, (), ((0, SPI0),)), (3, (), ()),
                               (5, ((0, SPI0),), ()), (6, ((0, SPI1),), ()), (7, (), ()),
                               (4, (), ((0, SPI1),)), (5, ((0, SPI0),), ()), (6, ((0, SPI1),), ()),
                               (7, (), ())):
        _visit(lv, st, idx, reads=reads, writes=writes)
    return st


def test_postorder_explores_the_jump_target_first() -> None:
    order, bounds, succ = compute_postorder(_prog(DIAMOND), [0])
    assert order == [7, 6, 5, 4, 3, 2, 1, 0]
    assert bounds == [0, 8]
    assert succ[1] == (2, 4) and succ[3] == (5,) and succ[7] == ()


def test_stack_mask_prints_frame_pointer_offsets_lowest_slot_first() -> None:
    assert fmt_stack_mask(0b101) == "-8,-24"
    assert fmt_stack_mask(1 << 63) == "-512"


def test_diamond_live_before_sets() -> None:
    lv = _liveness(_prog(DIAMOND))
    st = _walk_diamond(lv)
    lv.update_live_stack(st, _start)
    inst = lv.instances[(0,)]
    m = inst.frames[0]
    assert m is not None
    # 6 reads spi1; 5 reads spi0 on top; 4 kills spi1, 2 kills spi0; the branch joins both arms
    expected_live = {7: 0, 6: SPI1, 5: SPI0 | SPI1, 4: SPI0, 3: SPI0 | SPI1, 2: SPI1, 1: SPI0 | SPI1,
                     0: SPI0 | SPI1}
    assert {i: m.live_before[i] for i in expected_live} == expected_live
    # written on every path from i: each arm writes only its own slot, so nothing before the branch
    expected_acc = {7: 0, 6: 0, 5: 0, 4: SPI1, 3: 0, 2: SPI0, 1: 0, 0: 0}
    assert {i: m.must_write_acc[i] for i in expected_acc} == expected_acc


def test_diamond_queries_and_log_lines() -> None:
    log: list[str] = []
    lv = _liveness(_prog(DIAMOND), log)
    st = _walk_diamond(lv)
    lv.update_live_stack(st, _start)
    assert log == [
        "(0) frame 0 insn 6 +live -16 ",
        "(0) frame 0 insn 5 +live -8,-16 ",
        "(0) frame 0 insn 4 +live -8 ",  # a jump target (prune point) and a writer
        "(0) frame 0 insn 4 +written -16 ",
        "(0) frame 0 insn 2 +live -16 ",
        "(0) frame 0 insn 2 +written -8 ",
        "(0) frame 0 insn 1 +live -8,-16 ",
        "(0) frame 0 insn 0 +live -8,-16 ",
        "(0) live stack update done in 2 iterations",
    ]
    lv.query_init(_state((0, -1)), 4, _start)
    assert lv.stack_slot_alive(0, 0) and not lv.stack_slot_alive(0, 1)
    lv.query_init(_state((0, -1)), 7, _start)
    assert not lv.stack_slot_alive(0, 0) and not lv.stack_slot_alive(0, 1)


def test_must_write_is_the_intersection_over_visits() -> None:
    log: list[str] = []
    lv = _liveness(_prog(DIAMOND), log)
    st = _walk_diamond(lv)
    lv.update_live_stack(st, _start)
    m = lv.instances[(0,)].frames[0]
    assert m is not None and m.must_write[2] == SPI0
    # another visit of insn 2 that writes nothing: the slot is no longer surely written there
    _visit(lv, st, 2)
    assert m.must_write[2] == 0
    log.clear()
    lv.update_live_stack(st, _start)
    assert m.live_before[2] == SPI0 | SPI1 and m.must_write_acc[2] == 0
    # must_write shrank: every must_write_acc is recomputed from zero, so insn 4's is printed again;
    # insn 2 now neither reads nor writes and is no prune point (the fall-through of a jump), so its
    # change is not printed
    assert log == ["(0) frame 0 insn 4 +written -16 ", "(0) live stack update done in 2 iterations"]


def test_callee_write_of_callers_slot_reaches_the_call_site() -> None:
    prog = _prog(CALL)
    lv = _liveness(prog)
    main, in_f = _state((0, -1)), _state((0, -1), (1, 2))
    for idx in (0, 1):
        _visit(lv, main, idx)
    lv.reset_stack_write_marks(main, 2, _start)  # the call: the callee's instance takes over
    lv.reset_callchain()
    lv.commit_stack_write_marks()
    for idx, writes in ((5, ()), (6, ((0, SPI0),)), (7, ()), (8, ())):
        _visit(lv, in_f, idx, writes=writes)
    # in f, main's fp-8 is read after the call (insn 3) ...
    lv.update_live_stack(in_f, _start)
    # ... but not yet: insn 3 is unvisited; f's entry says fp-8 is always written (must_write_acc)
    callee = lv.instances[(2, 5)]
    assert callee.frames[0] is not None and callee.frames[0].must_write_acc[0] == SPI0
    main_inst = lv.instances[(0,)]
    assert main_inst.frames[0] is not None and main_inst.frames[0].must_write[2] == SPI0
    _visit(lv, main, 3, reads=((0, SPI0),))
    _visit(lv, main, 4)
    lv.update_live_stack(main, _start)
    m = main_inst.frames[0]
    assert m.live_before[3] == SPI0 and m.live_before[2] == 0 and m.live_before[0] == 0
    # queried from inside f, main's slot is alive after the call site
    lv.query_init(in_f, 7, _start)
    assert lv.stack_slot_alive(0, 0)


def test_dead_spilled_pointer_no_longer_blocks_pruning() -> None:
    """corpus/maps/spill_map_value_fill_after_check_ok.s: fp-16 is only read at insn 8, so the
    state at 10 pruned the NULL branch (kernel: processed 12, "from 7 to 10: safe")."""
    prog = _prog("""
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	*(u64 *)(r10 - 16) = r0
	if r0 == 0 goto out
	r3 = *(u64 *)(r10 - 16)
	r1 = *(u64 *)(r3 + 0)
out:
	r0 = 2
	exit
""")
    res = check(prog, log_level=2)
    assert res.verdict == "accept" and res.processed == 12
    lines = res.log.splitlines()
    assert lines[lines.index("(0) frame 0 insn 8 +live -16 "):][:8] == [
        "(0) frame 0 insn 8 +live -16 ",
        "(0) frame 0 insn 7 +live -16 ",
        "(0) frame 0 insn 6 +written -16 ",
        "(0) frame 0 insn 5 +live -8 ",
        "(0) frame 0 insn 5 +written -16 ",
        "(0) frame 0 insn 0 +live -8 ",
        "(0) frame 0 insn 0 +written -16 ",
        "(0) live stack update done in 2 iterations",
    ]
    assert "from 7 to 10: safe" in lines


def test_callback_read_of_callers_slot_keeps_it_live() -> None:
    """A bpf_loop callback reads the caller's fp-8 through its context pointer: fp-8 is live at
    the join before the call, so the branch that spilled ctx there is explored and rejected."""
    prog = _prog("""
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	r9 = 3
	call bpf_get_prandom_u32
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = 0
	goto join
other:
	*(u64 *)(r10 - 8) = r6
join:
	r1 = 1
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r3 = *(u64 *)(r2 + 0)
	r3 *= 3
	r0 = 0
	exit
""")
    res = check(prog, log_level=2)
    assert res.verdict == "reject" and res.errors == ["R3 pointer arithmetic with *= operator prohibited"]
    assert "(15,18) frame 0 insn 18 +live -8 " in res.log.splitlines()
