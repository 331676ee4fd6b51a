"""Stack-slot liveness for state pruning (kernel/bpf/liveness.c, Linux 6.18).

While do_check walks the program, every instruction's stack reads and full-slot writes are
recorded per (call chain, instruction): `may_read` grows with each visit, `must_write` is the
intersection of what every visit wrote. When a path ends (before pop_stack) and when a
subprogram returns, the backward data-flow fixpoint runs over the subprogram's instructions in
postorder:

    live_before[i]    = (U live_before[s] for s in succ(i)) - must_write[i]  |  may_read[i]
    must_write_acc[i] = (n must_write_acc[s] for s in succ(i))  |  must_write[i]

and a callee's entry sets become the caller's marks at the call instruction (what the callee
reads of the caller's stack is read there, what it always writes is written there). Explored
states whose paths are all done are then "cleaned" (clean_live_states, verifier.c): the stack
slots no continuation can read become STACK_INVALID, so they no longer block pruning.

Masks are ints, bit `spi` for the slot fp-8*(spi+1). A function instance keeps, per frame of
its call chain, four lists indexed by instruction relative to the subprogram's start; frames
are allocated lazily like the kernel's, which decides what the level-2 log prints.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from ..isa.insn import Jmp, LoadImm64
from ..isa.opcodes import JmpOp

if TYPE_CHECKING:
    from ..program import Program
    from .state import State

U64_MAX = (1 << 64) - 1
MAX_CALL_FRAMES = 8


# --- control flow: bpf_insn_successors and compute_postorder ------------------------------------


_EXIT, _JA, _CALL = int(JmpOp.EXIT), int(JmpOp.JA), int(JmpOp.CALL)


def insn_successors(prog: Program, idx: int) -> tuple[int, ...]:
    """bpf_insn_successors: the fall-through (unless exit or ja) then the jump target. A call
    falls through to the next instruction: its target is another function's."""
    insn = prog.insns[idx]
    if isinstance(insn, Jmp):
        op = insn.code & 0xF0  # raw opcode bits: cheaper than the enum property on every insn
        if op == _EXIT:
            return ()
        if op == _JA:
            return (insn.target(idx),)
        if op == _CALL:
            return (idx + 1,)
        return (idx + 1, insn.target(idx))
    return (idx + (2 if isinstance(insn, LoadImm64) else 1),)


def compute_postorder(prog: Program, starts: Sequence[int], succ: list[tuple[int, ...]] | None = None
                      ) -> tuple[list[int], list[int], list[tuple[int, ...]]]:
    """compute_postorder: each subprogram's instructions in the postorder of an iterative DFS
    from its start (successors pushed in bpf_insn_successors order, so the jump target is
    explored first). Returns (insn_postorder, postorder_start per subprogram plus the end, the
    successors of every instruction reached)."""
    n = len(prog.insns)
    discovered, explored = 1, 2
    state = [0] * n
    if succ is None:
        succ = [insn_successors(prog, i) for i in range(n)]
    postorder: list[int] = []
    bounds: list[int] = []
    for start in starts:
        bounds.append(len(postorder))
        stack = [start]
        while stack:
            top = stack[-1]
            state[top] |= discovered
            if state[top] & explored:
                postorder.append(top)
                stack.pop()
                continue
            for s in succ[top]:
                if 0 <= s < n and not state[s]:
                    stack.append(s)
                    state[s] |= discovered
            state[top] |= explored
    bounds.append(len(postorder))
    return postorder, bounds, succ


def fmt_stack_mask(mask: int) -> str:
    """bpf_fmt_stack_mask: the slots as frame-pointer offsets, lowest spi first ("-8,-24")."""
    out = []
    spi = 0
    while mask:
        if mask & 1:
            out.append(f"-{(spi + 1) * 8}")
        mask >>= 1
        spi += 1
    return ",".join(out)


# --- function instances ------------------------------------------------------------------------


class FrameMasks:
    """struct per_frame_masks for every instruction of one function instance, for one frame."""

    __slots__ = ("live_before", "may_read", "must_write", "must_write_acc")

    def __init__(self, n: int) -> None:
        self.may_read = [0] * n
        self.must_write = [0] * n
        self.must_write_acc = [0] * n
        self.live_before = [0] * n


class FuncInstance:
    """struct func_instance: one subprogram reached through one call chain.

    `callsites` is the kernel's callchain->callsites[0..curframe]: the call instructions of the
    outer frames, then this subprogram's start (the instance's key)."""

    __slots__ = (
        "callsites",
        "curframe",
        "frames",
        "insn_cnt",
        "must_write_dropped",
        "must_write_set",
        "sp_starts",
        "start",
        "updated",
    )

    def __init__(self, callsites: tuple[int, ...], sp_starts: tuple[int, ...], insn_cnt: int) -> None:
        self.callsites = callsites
        self.curframe = len(callsites) - 1  # the depth of the call chain
        self.sp_starts = sp_starts
        self.start = sp_starts[-1]
        self.insn_cnt = insn_cnt
        self.updated = False
        self.must_write_dropped = False
        self.frames: list[FrameMasks | None] = [None] * len(callsites)
        self.must_write_set = [False] * insn_cnt

    def alloc_frame(self, frame: int) -> FrameMasks:  # alloc_frame_masks
        m = self.frames[frame]
        if m is None:
            m = self.frames[frame] = FrameMasks(self.insn_cnt)
        return m

    def fmt_callchain(self) -> str:  # fmt_callchain
        return "(" + ",".join(str(c) for c in self.callsites) + ")"

    def live_before(self, frame: int, insn_idx: int) -> int:
        m = self.frames[frame]
        return 0 if m is None else m.live_before[insn_idx - self.start]


class StackLiveness:
    """struct bpf_liveness: the function instances of one verification and the write marks of
    the instruction being checked.

    `subprog_start(subprogno)` maps a frame's subprogram to its first instruction; `log` (level 2)
    receives the debug lines update_instance prints."""

    def __init__(self, prog: Program, starts: Sequence[int], prune_points: Iterable[int],
                 calls_callback: Iterable[int], log: Callable[[str], None] | None = None,
                 succ: list[tuple[int, ...]] | None = None, tail_call_exits: bool = False) -> None:
        self.prog = prog
        # the later 6.18.44 build (profile field tail_call_exits, measured): a bpf_tail_call may
        # leave the function, so nothing is surely written on the paths through it
        self.tail_calls = frozenset(
            i for i, insn in enumerate(prog.insns)
            if tail_call_exits and isinstance(insn, Jmp) and insn.is_helper_call and insn.imm == 12)
        self.starts = list(starts)
        self.bounds_end = self.starts[1:] + [len(prog.insns)]
        self.postorder, self.po_bounds, self.succ = compute_postorder(prog, self.starts, succ)
        self.prune_points = frozenset(prune_points)
        self.calls_callback = frozenset(calls_callback)
        self.log = log
        self.instances: dict[tuple[int, ...], FuncInstance] = {}
        self.cur_instance: FuncInstance | None = None
        self.write_masks_acc = [0] * MAX_CALL_FRAMES
        self.write_dirty = False  # some write_masks_acc entry may be non-zero
        self.write_insn_idx = 0
        self.write_pending = False  # reset_stack_write_marks ran for the instruction being checked
        # the live stack query (struct live_stack_query)
        self.q_instances: list[FuncInstance] = []
        self.q_insn_idx = 0

    # --- instances ----------------------------------------------------------------------------
    def _subprog_index(self, start: int) -> int:  # bpf_find_containing_subprog
        lo, hi = 0, len(self.starts) - 1
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if self.starts[mid] <= start:
                lo = mid
            else:
                hi = mid - 1
        return lo

    def _lookup(self, callsites: tuple[int, ...], sp_starts: tuple[int, ...]) -> FuncInstance:  # __lookup_instance
        inst = self.instances.get(callsites)
        if inst is None:
            k = self._subprog_index(sp_starts[-1])
            inst = FuncInstance(callsites, sp_starts, self.bounds_end[k] - self.starts[k])
            self.instances[callsites] = inst
        return inst

    def lookup_instance(self, state: State, frameno: int, subprog_start: Callable[[int], int]) -> FuncInstance:
        """lookup_instance / compute_callchain: the instance of frame `frameno` of `state`."""
        frames = state.frames
        if frameno == 0:
            start = subprog_start(frames[0].subprogno)
            inst = self.instances.get((start,))
            return inst if inst is not None else self._lookup((start,), (start,))
        sp_starts = tuple(subprog_start(frames[i].subprogno) for i in range(frameno + 1))
        callsites = tuple(frames[i + 1].callsite for i in range(frameno)) + (sp_starts[-1],)
        return self._lookup(callsites, sp_starts)

    def _outer_instance(self, inst: FuncInstance) -> FuncInstance:  # get_outer_instance
        sp_starts = inst.sp_starts[:-1]
        return self._lookup(inst.callsites[:-2] + (sp_starts[-1],), sp_starts)

    # --- accumulation (called while do_check walks) ---------------------------------------------
    def reset_callchain(self) -> None:  # bpf_reset_live_stack_callchain
        self.cur_instance = None

    def ensure_cur_instance(self, state: State, subprog_start: Callable[[int], int]) -> FuncInstance:
        inst = self.cur_instance
        if inst is None:
            inst = self.cur_instance = self.lookup_instance(state, state.curframe, subprog_start)
        return inst

    @staticmethod
    def _mark_read(inst: FuncInstance, frame: int, insn_idx: int, mask: int) -> None:  # mark_stack_read
        m = inst.alloc_frame(frame)
        r = insn_idx - inst.start
        old = m.may_read[r]
        new = old | mask
        if new != old and (new | m.live_before[r]) != m.live_before[r]:
            inst.updated = True
        m.may_read[r] = new

    def mark_stack_read(self, frame: int, insn_idx: int, mask: int) -> None:  # bpf_mark_stack_read
        """A read of `frame`'s stack slots `mask` by the instruction being checked."""
        inst = self.cur_instance
        if inst is None:
            return  # marks are only taken between reset_stack_write_marks and a call/exit
        self._mark_read(inst, frame, insn_idx, mask)

    def _reset_write_marks(self, insn_idx: int) -> None:  # reset_stack_write_marks
        # the kernel zeroes the entries of the instance's frames; the others are never read
        self.write_insn_idx = insn_idx
        if self.write_dirty:
            self.write_masks_acc = [0] * MAX_CALL_FRAMES
            self.write_dirty = False

    def reset_stack_write_marks(self, state: State, insn_idx: int,
                                subprog_start: Callable[[int], int]) -> None:  # bpf_reset_stack_write_marks
        if self.cur_instance is None:
            self.ensure_cur_instance(state, subprog_start)
        self._reset_write_marks(insn_idx)
        self.write_pending = True

    def mark_stack_write(self, frame: int, mask: int) -> None:  # bpf_mark_stack_write
        self.write_masks_acc[frame] |= mask
        self.write_dirty = True

    def _commit(self, inst: FuncInstance | None) -> None:  # commit_stack_write_marks
        if inst is None:
            return
        idx = self.write_insn_idx - inst.start
        seen = inst.must_write_set[idx]
        for frame in range(inst.curframe + 1):
            mask = self.write_masks_acc[frame]
            if mask == 0 and not seen:
                continue  # avoid allocating frames for zero masks
            m = inst.alloc_frame(frame)
            old = m.must_write[idx]
            if seen:
                mask &= old
            if old != mask:
                m.must_write[idx] = mask
                inst.updated = True
            if old & ~mask:
                inst.must_write_dropped = True
        inst.must_write_set[idx] = True
        self.write_insn_idx = 0

    def commit_stack_write_marks(self) -> None:  # bpf_commit_stack_write_marks
        self.write_pending = False
        inst = self.cur_instance
        if inst is None:
            return
        if self.write_dirty:
            self._commit(inst)
            return
        idx = self.write_insn_idx - inst.start
        self.write_insn_idx = 0
        if not inst.must_write_set[idx]:  # first visit, nothing written
            inst.must_write_set[idx] = True
        else:  # a revisit writing nothing: must_write becomes empty in every frame
            for frame in range(inst.curframe + 1):
                m = inst.frames[frame]
                if m is None:
                    inst.alloc_frame(frame)
                elif m.must_write[idx]:
                    m.must_write[idx] = 0
                    inst.updated = inst.must_write_dropped = True

    # --- propagation ----------------------------------------------------------------------------
    def _log_mask_change(self, inst: FuncInstance, pfx: str, frame: int, insn_idx: int, old: int,
                         new: int) -> None:
        changed = old ^ new
        if not changed or self.log is None:
            return
        line = f"{inst.fmt_callchain()} frame {frame} insn {insn_idx} "
        ones = new & changed
        zeros = ~new & changed & U64_MAX
        if ones:
            line += f"+{pfx} {fmt_stack_mask(ones)} "
        if zeros:
            line += f"-{pfx} {fmt_stack_mask(zeros)}"
        self.log(line)

    def _update_instance(self, inst: FuncInstance) -> None:  # update_instance
        if inst.must_write_dropped:  # must_write shrank: must_write_acc is recomputed from scratch
            for m in inst.frames:
                if m is not None:
                    m.must_write_acc = [0] * inst.insn_cnt
        k = self._subprog_index(inst.start)
        order = self.postorder[self.po_bounds[k]:self.po_bounds[k + 1]]
        start = inst.start
        succ = self.succ
        logging = self.log is not None
        prune = self.prune_points
        tail_calls = self.tail_calls
        cnt = 0
        while True:
            cnt += 1
            changed = False
            for frame, m in enumerate(inst.frames):
                if m is None:
                    continue
                may_read, must_write, acc_l, live_l = m.may_read, m.must_write, m.must_write_acc, m.live_before
                for i in order:  # update_insn
                    ss = succ[i]
                    if not ss:
                        continue
                    r = i - start
                    after = 0
                    acc = U64_MAX
                    for s in ss:
                        after |= live_l[s - start]
                        acc &= acc_l[s - start]
                    if i in tail_calls:
                        acc = 0
                    mw = must_write[r]
                    acc |= mw
                    before = (after & ~mw) | may_read[r]
                    old_before, old_acc = live_l[r], acc_l[r]
                    if before == old_before and acc == old_acc:
                        continue
                    changed = True
                    if logging and (may_read[r] or mw or i == start or i in prune):
                        self._log_mask_change(inst, "live", frame, i, old_before, before)
                        self._log_mask_change(inst, "written", frame, i, old_acc, acc)
                    live_l[r] = before
                    acc_l[r] = acc
            if not changed:
                break
        if self.log is not None:
            self.log(f"{inst.fmt_callchain()} live stack update done in {cnt} iterations")
        if inst.curframe > 0:
            self._propagate_to_outer_instance(inst)

    def _propagate_to_outer_instance(self, inst: FuncInstance) -> None:
        """What the callee reads of / always writes to the outer frames' stacks, from its entry,
        becomes a read / write of the call instruction in the caller's instance."""
        outer = self._outer_instance(inst)
        callsite = inst.callsites[inst.curframe - 1]
        self._reset_write_marks(callsite)
        for frame in range(inst.curframe):
            m = inst.frames[frame]
            if m is None:
                continue
            self.mark_stack_write(frame, m.must_write_acc[0])
            self._mark_read(outer, frame, callsite, m.live_before[0])
        self._commit(outer)

    def update_live_stack(self, state: State, subprog_start: Callable[[int], int]) -> None:
        """bpf_update_live_stack: run the fixpoint for each frame of `state`, innermost first, so
        that a callee's marks reach its caller before the caller's own update."""
        self.cur_instance = None
        for frame in range(state.curframe, -1, -1):
            inst = self.lookup_instance(state, frame, subprog_start)
            if inst.updated:
                self._update_instance(inst)
                inst.updated = False
                inst.must_write_dropped = False

    # --- queries ----------------------------------------------------------------------------------
    def query_init(self, state: State, insn_idx: int, subprog_start: Callable[[int], int]) -> None:
        """bpf_live_stack_query_init: the instances of `state`'s frames, at `insn_idx`."""
        self.q_instances = [self.lookup_instance(state, f, subprog_start) for f in range(state.curframe + 1)]
        self.q_insn_idx = insn_idx

    def stack_slot_alive(self, frameno: int, spi: int) -> bool:
        """bpf_stack_slot_alive: may some continuation of the queried state read the slot? Read in
        the innermost function from its instruction on, or, for an outer frame, after the call
        (from the call itself when it calls a callback, which may run again)."""
        cur = self.q_instances[-1]
        bit = 1 << spi
        if cur.live_before(frameno, self.q_insn_idx) & bit:
            return True
        for i in range(frameno, len(self.q_instances) - 1):
            callsite = cur.callsites[i]
            at = callsite if callsite in self.calls_callback else callsite + 1
            if self.q_instances[i].live_before(frameno, at) & bit:
                return True
        return False
