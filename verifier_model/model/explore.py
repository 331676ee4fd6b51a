"""The verifier's main loop (do_check / do_check_common and friends, kernel/bpf/verifier.c).

Depth-first, fall-through first: a conditional jump whose direction is unknown pushes the taken
edge and carries on with the fall-through; a path ends at the main program's exit or when its
state is equivalent to an explored one at a prune point. Checkpoints (explored states) form the
kernel's parent chain: precision marks are backtracked along it (mark_chain_precision), branch
counts tell which checkpoints are still on a live path (the infinite-loop check). Stack reads and
writes feed the stack-slot liveness analysis (liveness.py); checkpoints whose paths are all done
are cleaned with it (clean_live_states) before they are compared.
"""
from __future__ import annotations

import bisect
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Any

from ..errors import ResourceLimit, VerifierError
from ..isa.insn import Alu, Imm64Tail, Insn, Jmp, LegacyLoad, Load, LoadImm64, Store, StoreImm
from ..isa.opcodes import PSEUDO_FUNC, PSEUDO_MAP_FD, PSEUDO_MAP_VALUE, AluOp, JmpOp, Mode, ProgType, Src
from ..program import Program
from ..result import Result
from . import alu as alumod
from . import memory, packet, prune
from . import scalar as sc
from .cfg import SYNC_CALLBACK_HELPERS, ProgramFacts, check_cfg, check_subprogs, find_subprogs
from .env import Env
from .liveness import StackLiveness
from .profiles import get_profile
from .regs import NOT_INIT, Reg, RegFlag, RegType, pointer, unknown_scalar
from .scalar import Scalar
from .state import BPF_REG_SIZE, MAX_BPF_STACK, MAX_CALL_FRAMES, Frame, SlotKind, StackSlot, State

EACCES, EINVAL, E2BIG, EFAULT = 13, 22, 7, 14
BPF_COMPLEXITY_LIMIT_JMP_SEQ = 8192
BPF_COMPLEXITY_LIMIT_STATES = 64


class _PathDone(Exception):
    """The current path ended (exit of the main program, or pruned)."""


@dataclass(eq=False)
class Checkpoint:
    """An explored state (struct bpf_verifier_state_list): the state at `insn`, its parent, the
    instructions between the parent and it, and how many live paths descend from it."""

    state: State
    insn: int
    parent: Checkpoint | None
    hist: list[tuple[Any, ...]]
    branches: int = 1
    hit: int = 0
    miss: int = 0
    cleaned: bool = False  # clean_verifier_state ran: dead registers and stack slots are NOT_INIT/INVALID
    bucket: int = 0  # explored_state(): the hash bucket of env->explored_states holding it


@dataclass(eq=False)
class Path:
    """The state being explored (env->cur_state) plus what travels with it."""

    state: State
    idx: int
    parent: Checkpoint | None = None
    hist: list[tuple[Any, ...]] = field(default_factory=list)
    trace: list[tuple[int, str]] = field(default_factory=list)  # conditional jumps: (insn, dir)
    prev_idx: int = -1
    log_len: int = 0  # log lines to keep when this path is popped (level 1)
    head_text: str = ""  # the line the popped path continues (level 1)

    def copy(self, state: State, idx: int) -> Path:
        return Path(state, idx, self.parent, list(self.hist), list(self.trace), self.prev_idx)


# --- history entries: (insn_idx, frame, stack (frameno, spi) | None, linked regs | None) ----------


def _initial_frame(frameno: int, subprogno: int, callsite: int) -> Frame:
    regs = [NOT_INIT] * 11
    regs[10] = pointer(RegType.PTR_TO_STACK, frameno=frameno)
    return Frame(regs=tuple(regs), frameno=frameno, subprogno=subprogno, callsite=callsite)


class Explorer:
    def __init__(self, env: Env, facts: ProgramFacts, *, log_level: int) -> None:
        self.env = env
        self.facts = facts
        self.prog = env.prog
        self.level = log_level
        self.explored: dict[int, list[Checkpoint]] = defaultdict(list)
        # how many explored states each bucket of the kernel's explored_states table holds: the
        # table is indexed by (insn ^ callsite) % prog len, so a bucket mixes instructions
        self.bucket_size: dict[int, int] = defaultdict(int)
        self.stack: list[Path] = []
        self.total_states = 0
        self.peak_states = 0
        self.explored_size = 0  # env->explored_states_size: checkpoints in the explored lists
        self.free_list: set[Checkpoint] = set()  # evicted checkpoints a live path may still need
        self.max_states_per_insn = 0
        self.jmps_processed = 0
        self.prev_jmps = 0
        self.prev_insns = 0
        self.aux_ptr: dict[int, Reg] = {}
        self.log: list[str] = []
        self.last_insn_line: int | None = None
        self.called_globals: set[int] = set()
        self.cur: Path | None = None
        self.global_params: tuple[str, ...] = ()
        self.subprog_verifying = 0
        self.stack_depth: dict[int, int] = {}
        self.last_printed: int | None = None
        self.l1_popped = False  # level 1: a popped state waits to be printed on its jump's line
        self.raw_insn_line = ""
        # what print_insn_state prints before the next instruction: (state, regs, slots); regs and
        # slots None: everything is scratched (mark_verifier_state_scratched)
        self.pending: tuple[State, set[int] | None, set[int] | None] | None = None
        # do_print_state at level 2: (prev_insn_idx, insn_idx, everything scratched)
        self.pending_from: tuple[int, int, bool] | None = None
        self.scc_visits: dict[tuple[tuple[int, ...], int], Checkpoint | None] = {}
        self.scc_backedges: dict[tuple[tuple[int, ...], int], int] = {}
        self.num_backedges = 0
        self.scc_replays: dict[tuple[tuple[int, ...], int], list[list[str]]] = {}
        self.scratch_all = False  # init_func_state ran during this instruction (a callback was pushed)
        self.bt = _bt_table(self.prog)
        self.linfo = _line_records(self.prog) if log_level else []
        self.linfo_at = [i for i, _ in self.linfo]
        self.prev_linfo: int | None = None
        env.explorer = self  # type: ignore[attr-defined]  # calls.push_callback_call finds us here
        self.walking = False
        self.liveness = StackLiveness(self.prog, sorted(s.start for s in facts.subprogs), facts.prune_points,
                                      facts.calls_callback, log=self._live_log if log_level >= 2 else None,
                                      succ=facts.succ or None,
                                      tail_call_exits=getattr(env.profile, "tail_call_exits", False))
        env.liveness = self.liveness

    def _sp_start(self, subprogno: int) -> int:
        return self.facts.subprogs[subprogno].start

    def _live_log(self, line: str) -> None:
        self.log.append(line)
        self.last_insn_line = None

    # --- logging -------------------------------------------------------------------------------
    def _fmt_state(self, state: State, regs: set[int] | None = None, slots: set[int] | None = None) -> str:
        from . import statefmt

        return statefmt.state_str(state, regs=regs, slots=slots, env=self.env)

    def _verbose_linfo(self, idx: int) -> None:
        """verbose_linfo(env, insn_idx, "; "): the C line of the line_info record covering idx
        (find_linfo: the last record at or before it), unless that record was the last printed."""
        k = bisect.bisect_right(self.linfo_at, idx) - 1
        if k < 0 or k == self.prev_linfo:
            return
        loc = self.linfo[k][1]
        prev = self.linfo[self.prev_linfo][1] if self.prev_linfo is not None else None
        self.prev_linfo = k
        if prev is not None and (prev.file, prev.line) == (loc.file, loc.line):
            return  # two records of one source line (differing columns): printed once
        text = loc.text.lstrip(" \t")  # ltrim
        fname = loc.file.rsplit("/", 1)[-1]  # only the file name
        self.log.append(f"; {text} @ {fname}:{loc.line}")
        self.prev_linfo = k

    def _log_insn(self, idx: int, insn: Insn) -> None:
        if not self.level:
            return
        from ..isa.printer_kernel import format_insn

        imm_hi = None
        text = format_insn(insn, idx, allow_ptr_leaks=self.env.profile.allow_ptr_leaks, imm_hi=imm_hi)
        self.log.append(f"{idx}: {text}")
        self.last_insn_line = len(self.log) - 1
        self.raw_insn_line = self.log[-1]

    def _log_insn_state(self, state: State, regs: set[int], slots: set[int], next_idx: int | None = None) -> None:
        if not self.level:
            return
        if self.last_insn_line is None or self.last_insn_line != len(self.log) - 1:
            if next_idx is not None:  # the log moved on: `N:` + state on its own line
                body = self._fmt_state(state, regs, slots)
                self.log.append(f"{next_idx}:" + _prefix_space(body))
            return
        line = self.log[-1]
        col = max(38, ((len(line) + 5 + 7) // 8) * 8 - 2)
        body = self._fmt_state(state, regs, slots)
        self.log[-1] = line + " " * (col - len(line)) + ";" + (" " + body if body else "")

    def reset_log_after_success(self) -> None:
        """do_check_common: `if (!ret && pop_log) bpf_vlog_reset(&env->log, 0)`: at level 1 the log
        of a (sub)program that verified is dropped."""
        if self.level == 1:
            self.log.clear()
            self.last_insn_line = None

    # --- exploration -----------------------------------------------------------------------------
    def run_main(self) -> None:
        frame = _initial_frame(0, 0, -1)
        frame = frame.with_reg(1, pointer(RegType.PTR_TO_CTX))
        state = State(frames=(frame,))
        if self.level:
            self.log.append("0:" + _prefix_space(self._fmt_state(state)))
        self._do_check(Path(state, 0))

    def run_global(self, subprogno: int) -> None:
        sub = self.facts.subprogs[subprogno]
        self.subprog_verifying = subprogno
        frame = _initial_frame(0, subprogno, -1)
        for i, p in enumerate(sub.params[:5], start=1):
            if p.upper() == "CTX":
                frame = frame.with_reg(i, pointer(RegType.PTR_TO_CTX))
            else:
                frame = frame.with_reg(i, unknown_scalar())
        state = State(frames=(frame,))
        self.explored.clear()
        self.bucket_size.clear()
        if self.level:
            self.log.append(f"Validating {sub.name}() func#{subprogno}...")
            self.log.append(f"{sub.start}:" + _prefix_space(self._fmt_state(state)))
        self._do_check(Path(state, sub.start))

    def _do_check(self, path: Path) -> None:
        env = self.env
        prog = self.prog
        limit = env.profile.insn_limit
        lv = self.liveness
        while True:
            self.cur = path
            try:
                while True:
                    idx = path.idx
                    if idx < 0 or idx >= len(prog.insns):
                        raise VerifierError(idx, [f"invalid insn idx {idx} insn_cnt {len(prog.insns)}"], EFAULT)
                    env.insn_processed += 1
                    if env.insn_processed > limit:
                        raise ResourceLimit(idx, [f"BPF program is too large. Processed {env.insn_processed} insn"],
                                            E2BIG)
                    if env.insn_processed & 0x3FF == 0 and time.monotonic() > env.deadline:
                        raise TimeoutError
                    path.state = path.state.at(idx)
                    if idx in self.facts.prune_points:
                        if self._is_state_visited(path, idx):
                            self.l1_popped = False
                            raise _PathDone
                    if self.l1_popped:
                        self.l1_popped = False
                        self.log[-1] += f" {idx}:" + _prefix_space(self._fmt_state(path.state))
                    insn = prog.insns[idx]
                    if self.pending_from is not None:
                        full = _prefix_space(self._fmt_state(path.state))
                        self.log.append("")
                        self.log.append(f"from {self.pending_from[0]} to {self.pending_from[1]}:" + full)
                        if self.pending_from[2]:  # popped: everything is scratched
                            self.log.append(f"{idx}:" + full)
                        self.pending_from = None
                    if self.pending is not None:
                        st, regs, slots = self.pending
                        self.pending = None
                        self._log_insn_state(st, regs, slots, next_idx=idx)
                    self.last_printed = idx
                    if self.linfo:
                        self._verbose_linfo(idx)
                    self._log_insn(idx, insn)
                    lv.reset_stack_write_marks(path.state, idx, self._sp_start)
                    path.idx = self._step(path, idx, insn)
                    lv.commit_stack_write_marks()
                    path.prev_idx = idx
                    for fr in path.state.frames:
                        if fr.allocated_stack > self.stack_depth.get(fr.subprogno, 0):
                            self.stack_depth[fr.subprogno] = fr.allocated_stack
            except _PathDone:
                if lv.write_pending:  # the main program's exit: do_check_insn returned PROCESS_BPF_EXIT
                    lv.commit_stack_write_marks()
                self._update_branch_counts(path.parent)
                lv.update_live_stack(path.state, self._sp_start)
            self.pending = None
            nxt = self._pop()
            if nxt is None:
                return
            path = nxt

    def _pop(self) -> Path | None:
        if not self.stack:
            return None
        p = self.stack.pop()
        self.last_printed = p.prev_idx  # at level 1 the log is cut back to the jump's line
        if self.level:
            if self.level == 1:
                del self.log[p.log_len:]
                if self.log and p.head_text is not None:
                    # the popped state goes on the jump's line, printed at the top of the next
                    # do_check iteration: after the insn limit check and is_state_visited
                    self.log[-1] = p.head_text
                    self.l1_popped = True
                self.last_insn_line = None
            else:
                self.pending_from = (p.prev_idx, p.idx, True)
                self.last_insn_line = None
        return p

    def _push(self, path: Path, state: State, target: int, from_idx: int) -> Path:
        p = path.copy(state, target)
        p.prev_idx = from_idx
        if p.parent is not None:
            p.parent.branches += 1
        if self.level == 1:
            p.log_len = (self.last_insn_line + 1) if self.last_insn_line is not None else len(self.log)
            p.head_text = self.raw_insn_line if self.last_insn_line is not None else ""
        self.stack.append(p)
        if len(self.stack) > BPF_COMPLEXITY_LIMIT_JMP_SEQ:
            raise VerifierError(from_idx, [f"The sequence of {len(self.stack)} jumps is too complex."], E2BIG)
        return p

    def _update_branch_counts(self, cp: Checkpoint | None) -> None:
        while cp is not None:
            cp.branches -= 1
            if cp.branches:
                break
            self._maybe_exit_scc(cp)
            self._maybe_free_state(cp)
            cp = cp.parent

    # --- SCC visits (maybe_enter_scc / maybe_exit_scc; their log lines only) -----------------------
    def _scc_callchain(self, cp: Checkpoint) -> tuple[tuple[int, ...], int] | None:
        """compute_scc_callchain: the callsites down to the first frame whose instruction
        (frame_insn_idx) is in an SCC, and that SCC; None when the innermost frame is in none."""
        st = cp.state
        callsites: list[int] = []
        for i in range(len(st.frames)):
            insn_idx = cp.insn if i == st.curframe else st.frames[i + 1].callsite
            scc = self.facts.scc_of.get(insn_idx, 0)
            if scc:
                return tuple(callsites), scc
            if i < st.curframe:
                callsites.append(insn_idx)
        return None

    @staticmethod
    def _fmt_callchain(chain: tuple[tuple[int, ...], int]) -> str:  # format_callchain
        return "(" + "".join(f"{c}," for c in chain[0] if c) + f"{chain[1]})"

    def _maybe_enter_scc(self, cp: Checkpoint) -> None:
        chain = self._scc_callchain(cp)
        if chain is None:
            return
        if self.scc_visits.get(chain) is None:
            self.scc_visits[chain] = cp
            if self.level >= 2:
                self.log.append(f"SCC enter {self._fmt_callchain(chain)}")

    def _maybe_exit_scc(self, cp: Checkpoint) -> None:
        chain = self._scc_callchain(cp)
        if chain is None or self.scc_visits.get(chain) is not cp:
            return
        if self.level >= 2:
            self.log.append(f"SCC exit {self._fmt_callchain(chain)}")
        for lines in self.scc_replays.pop(chain, []):
            self.log.extend(lines)
        self.scc_visits[chain] = None
        self.num_backedges -= self.scc_backedges.pop(chain, 0)
        self._update_peak_states()

    def _update_peak_states(self) -> None:  # update_peak_states
        self.peak_states = max(self.peak_states, self.explored_size + len(self.free_list) + self.num_backedges)

    def _maybe_free_state(self, cp: Checkpoint) -> None:
        """maybe_free_verifier_state: an evicted checkpoint is freed once no path descends from it
        and its loop has no backedges pending."""
        if cp in self.free_list and not cp.branches and not self._incomplete_read_marks(cp):
            self.free_list.discard(cp)

    # --- pruning -----------------------------------------------------------------------------------
    def _live_masks(self, state: State, idx: int) -> list[int]:
        masks = []
        lb = self.facts.live_before
        for i in range(len(state.frames)):
            if i == len(state.frames) - 1:
                masks.append(lb[idx])
            else:
                cs = state.frames[i + 1].callsite
                masks.append(lb[cs])  # frame_insn_idx: the call site
        return masks

    def _bucket(self, idx: int, callsite: int) -> int:  # explored_state
        return ((idx ^ callsite) & 0xFFFFFFFF) % len(self.prog.insns)

    def _incomplete_read_marks(self, cp: Checkpoint) -> bool:
        """incomplete_read_marks: the state is in a loop whose visit has backedges still pending."""
        chain = self._scc_callchain(cp)
        return chain is not None and self.scc_visits.get(chain) is not None and self.scc_backedges.get(chain, 0) > 0

    def _clean_live_states(self, idx: int, cur: State) -> None:
        """clean_live_states: explored states at idx whose paths are all done (and not in a loop
        still being explored) forget the registers and stack slots no continuation reads."""
        for cp in self.explored[idx]:
            if cp.branches or cp.cleaned or not _same_callsites(cp.state, cur) or self._incomplete_read_marks(cp):
                continue
            cp.state = self._clean_verifier_state(cp.state, cp.insn)
            cp.cleaned = True

    def _clean_verifier_state(self, st: State, insn_idx: int) -> State:
        """clean_verifier_state / clean_func_state: registers not live before the frame's
        instruction (frame_insn_idx: the call site for an outer frame) become NOT_INIT, stack slots
        no continuation may read (bpf_stack_slot_alive) become STACK_INVALID."""
        lv = self.liveness
        lv.query_init(st, insn_idx, self._sp_start)
        lb = self.facts.live_before
        frames = st.frames
        new_frames: list[Frame] | None = None
        for i, fr in enumerate(frames):
            live = lb[insn_idx if i == st.curframe else frames[i + 1].callsite]
            regs = fr.regs
            dead = [r for r in range(10) if not live >> r & 1 and regs[r].type != RegType.NOT_INIT]
            if dead:
                rl = list(regs)
                for r in dead:
                    rl[r] = NOT_INIT
                regs = tuple(rl)
            stack = fr.stack
            if stack:
                alive = lv.stack_slot_alive
                cleaned = tuple(slot if slot is _DEAD_SLOT or alive(i, spi) else _DEAD_SLOT
                                for spi, slot in enumerate(stack))
                if cleaned != stack:
                    stack = cleaned
            if regs is not fr.regs or stack is not fr.stack:
                if new_frames is None:
                    new_frames = list(frames)
                new_frames[i] = replace(fr, regs=regs, stack=stack)
        return st if new_frames is None else replace(st, frames=tuple(new_frames))

    def _is_state_visited(self, path: Path, idx: int) -> bool:
        env = self.env
        cur = path.state
        # jmp_history_cnt > 40: the entries push_insn_history made (jump points, stack spills/fills,
        # linked registers), not every instruction
        jp = self.facts.jmp_points
        hist_cnt = sum(1 for e in path.hist if e[0] in jp or e[2] is not None or e[3] is not None)
        force_new = idx in self.facts.force_checkpoints or hist_cnt > 40
        add_new = force_new or (self.jmps_processed - self.prev_jmps >= 2 and env.insn_processed - self.prev_insns >= 8)
        allow_uninit = env.profile.allow_uninit_stack
        slot_exact = getattr(env.profile, "slot_types_exact_only", False)
        masks = self._live_masks(cur, idx)
        self._clean_live_states(idx, cur)
        bucket = self._bucket(idx, cur.cur.callsite)
        states_cnt = self.bucket_size[bucket]
        lst = self.explored[idx]
        keep: list[Checkpoint] = []
        found = False
        for cp in lst:
            if found or cp.bucket != bucket:  # the kernel walks this bucket's list only
                keep.append(cp)
                continue
            if cp.branches:
                if isinstance(self.prog.insns[idx], Jmp) and self.prog.insns[idx].op == JmpOp.JCOND:
                    if (cp.state.may_goto_depth != cur.may_goto_depth
                            and prune.states_equal(cp.state, cur, prune.Exact.RANGE_WITHIN, masks, allow_uninit, slot_exact)):
                        found = self._hit(path, cp)
                        keep.append(cp)
                        continue
                if idx in self.facts.calls_callback:
                    if prune.states_equal(cp.state, cur, prune.Exact.RANGE_WITHIN, masks, allow_uninit, slot_exact):
                        found = self._hit(path, cp)
                        keep.append(cp)
                        continue
                elif (prune.states_maybe_looping(cp.state, cur)
                      and prune.states_equal(cp.state, cur, prune.Exact.EXACT, masks, allow_uninit, slot_exact)
                      and cp.state.may_goto_depth == cur.may_goto_depth):
                    lines = [f"infinite loop detected at insn {idx}",
                             "cur state:" + _prefix_space(self._fmt_state(cur)),
                             "old state:" + _prefix_space(self._fmt_state(cp.state))]
                    raise VerifierError(idx, lines, EINVAL)
                if not force_new and self.jmps_processed - self.prev_jmps < 20 and env.insn_processed - self.prev_insns < 100:
                    add_new = False
            else:
                exact = prune.Exact.RANGE_WITHIN if self._incomplete_read_marks(cp) else prune.Exact.NOT_EXACT
                if prune.states_equal(cp.state, cur, exact, masks, allow_uninit, slot_exact):
                    found = self._hit(path, cp)
                    keep.append(cp)
                    continue
            if add_new:
                cp.miss += 1
            n = 64 if (idx in self.facts.force_checkpoints and cp.branches > 0) else 3
            if cp.miss > cp.hit * n + n:  # evicted: onto the free list until nothing needs it
                self.bucket_size[bucket] -= 1
                self.explored_size -= 1
                self.free_list.add(cp)
                self._maybe_free_state(cp)
                continue
            keep.append(cp)
        self.explored[idx] = keep
        if found:
            if self.level >= 2:
                if self.pending_from is not None:
                    self.log.append("")
                    self.log.append(f"from {self.pending_from[0]} to {self.pending_from[1]}: safe")
                    self.pending_from = None
                else:
                    self.log.append(f"{idx}: safe")
            return True
        self.max_states_per_insn = max(self.max_states_per_insn, states_cnt)
        if not env.profile.bpf_capable and states_cnt > BPF_COMPLEXITY_LIMIT_STATES:
            return False
        if not add_new:
            return False
        self.total_states += 1
        self.explored_size += 1
        self._update_peak_states()
        self.prev_jmps = self.jmps_processed
        self.prev_insns = env.insn_processed
        cur = _mark_all_scalars_imprecise(cur) if env.profile.bpf_capable else cur
        path.state = cur
        cp = Checkpoint(cur, idx, path.parent, path.hist, branches=1, bucket=bucket)
        self.bucket_size[bucket] += 1
        path.parent = cp
        path.hist = []
        keep.insert(0, cp)
        self._maybe_enter_scc(cp)
        return False

    def _hit(self, path: Path, cp: Checkpoint) -> bool:
        cp.hit += 1
        log_start = len(self.log)
        # propagate_precision: what was precise in the old state must be precise here too
        regs: dict[int, set[int]] = {}
        slots: dict[int, set[int]] = {}
        for fi in range(len(cp.state.frames) - 1, -1, -1):  # propagate_precision, innermost frame first
            fr = cp.state.frames[fi]
            items = []
            for r, reg in enumerate(fr.regs[:10]):
                if reg.type == RegType.SCALAR_VALUE and reg.precise:
                    regs.setdefault(fi, set()).add(r)
                    items.append(f"r{r}")
            for spi, slot in enumerate(fr.stack):
                if slot.kinds[-1] == SlotKind.SPILL and slot.spilled.type == RegType.SCALAR_VALUE and slot.spilled.precise:
                    slots.setdefault(fi, set()).add(spi)
                    items.append(f"fp{-BPF_REG_SIZE * (spi + 1)}")
            if items and self.level >= 2:
                self.log.append(f"frame {fi}: propagating " + ",".join(items))
        if regs or slots:
            self._mark_precise(path, regs, slots)
        # a hit on a state still on the DFS path (branches > 0) or on one whose SCC visit already
        # has backedges (incomplete_read_marks) is recorded as a backedge (add_scc_backedge)
        chain = self._scc_callchain(cp)
        if chain is not None and self.scc_visits.get(chain) is not None and (
                cp.branches > 0 or self.scc_backedges.get(chain, 0)):
            if self.level >= 2 and getattr(self.env.profile, "scc_exit_repropagate", False):
                # propagate_backedges replays this propagation when the loop is left; the
                # replay finds nothing new, so it prints the same lines (newest backedge first)
                self.scc_replays.setdefault(chain, []).insert(0, self.log[log_start:])
            if self.level >= 2:
                self.log.append(f"SCC backedge {self._fmt_callchain(chain)}")
            self.scc_backedges[chain] = self.scc_backedges.get(chain, 0) + 1
            self.num_backedges += 1
            self._update_peak_states()
        return True

    # --- precision (mark_chain_precision, simplified backtracking) -----------------------------------
    def mark_precision(self, regno: int) -> None:
        path = self.cur
        assert path is not None
        if not self.env.profile.bpf_capable:
            return
        reg = path.state.reg(regno)
        if reg.type != RegType.SCALAR_VALUE:
            return
        self._mark_precise(path, {path.state.curframe: {regno}}, {}, skip_current=True)

    def _mark_precise(self, path: Path, regs: dict[int, set[int]], slots: dict[int, set[int]],
                      skip_current: bool = False) -> None:
        """__mark_chain_precision: walk the path's history back; what is still needed at a
        checkpoint gets marked precise there (in every frame up to the one being walked) and the
        walk goes on through its history. Calls and exits move the walk between frames like
        backtrack_insn does. What the simplified walk cannot follow (atomics, linked registers
        across frames) marks every scalar precise. At log level 2 this prints the kernel's
        `mark_precise:` lines."""
        bt = _Bt(max(path.state.curframe, *regs, *slots))
        bt.frame = path.state.curframe
        for fi, rs in regs.items():
            bt.regs[fi] |= rs
        for fi, ss in slots.items():
            bt.slots[fi] |= ss
        hist = path.hist[:-1] if skip_current and path.hist else path.hist
        cp = path.parent
        tab = self.bt
        log = self.level >= 2
        last_idx = path.idx
        first_idx = path.hist[0][0] if path.hist else path.idx
        subseq = -1
        nxt = path.idx  # subseq_idx of the entry being backtracked: the instruction executed after it
        ctx = _BtContext(self.prog, self.facts, getattr(self.env.profile, "callback_exit_keeps_args", False))
        bt_regs, bt_slots = bt.regs, bt.slots
        while True:
            if log:
                self.log.append(f"mark_precise: frame{bt.frame}: last_idx {last_idx} first_idx {first_idx} "
                                f"subseq_idx {subseq} ")
            for entry in reversed(hist):
                if log:
                    self.log.append(f"mark_precise: frame{bt.frame}: regs={_fmt_regs(bt_regs[bt.frame])} "
                                    f"stack={_fmt_slots(bt_slots[bt.frame])} "
                                    f"before {entry[0]}: {self._insn_text(entry[0])}")
                if not _backtrack(tab, entry, bt, nxt, ctx):
                    self._mark_all_precise(path)
                    return
                nxt = entry[0]
                f = bt.frame
                if not bt_regs[f] and not bt_slots[f] and bt.empty():
                    if log:
                        self.last_insn_line = None
                    return
            if cp is None:
                self.last_insn_line = None if log else self.last_insn_line
                return
            st = cp.state
            if st.curframe != bt.frame:
                self._mark_all_precise(path)
                return
            for fi in range(bt.frame, -1, -1):
                fr = st.frames[fi]
                rmask, smask = bt.regs[fi], bt.slots[fi]
                for r in sorted(rmask):
                    reg = fr.regs[r]
                    if reg.type != RegType.SCALAR_VALUE or reg.precise:
                        rmask.discard(r)
                        continue
                    fr = fr.with_reg(r, replace(reg, precise=True))
                for spi in sorted(smask):
                    slot = fr.stack[spi] if spi < len(fr.stack) else None
                    if (slot is None or slot.kinds[-1] != SlotKind.SPILL
                            or slot.spilled.type != RegType.SCALAR_VALUE or slot.spilled.precise):
                        smask.discard(spi)
                        continue
                    fr = fr.with_slot(spi, replace(slot, spilled=replace(slot.spilled, precise=True)))
                st = st.with_frame(fr, fi)
                if log:
                    self.log.append(f"mark_precise: frame{fi}: parent state regs={_fmt_regs(rmask)} "
                                    f"stack={_fmt_slots(smask)}: "
                                    + _prefix_space(self._fmt_state_frame(st, fi)))
            cp.state = st
            if bt.empty():
                if log:
                    self.last_insn_line = None
                return
            subseq = nxt = first_idx
            last_idx = cp.hist[-1][0] if cp.hist else cp.insn
            first_idx = cp.hist[0][0] if cp.hist else cp.insn
            hist = cp.hist
            cp = cp.parent

    def _insn_text(self, idx: int) -> str:
        from ..isa.printer_kernel import format_insn

        return format_insn(self.prog.insns[idx], idx, allow_ptr_leaks=self.env.profile.allow_ptr_leaks)

    def _mark_all_precise(self, path: Path) -> None:
        cp = path.parent
        while cp is not None:
            cp.state = _mark_all_scalars(cp.state, True)
            cp = cp.parent

    # --- one instruction -------------------------------------------------------------------------------
    def _step(self, path: Path, idx: int, insn: Insn) -> int:
        env = self.env
        state = path.state
        env.scratched_slots.clear()
        env.insn_stack_access = None
        entry: list[Any] = [idx, state.curframe, None, None]
        path.hist.append(entry)  # type: ignore[arg-type]
        cls = insn.cls
        if isinstance(insn, Alu):
            before = state
            state = alumod.check_alu_op(env, state, idx, insn, self.mark_precision,
                                        lambda st: self._push(path, st, idx, idx))
            path.state = state
            self._after(path, insn, before)
            return idx + 1
        if isinstance(insn, Load):
            if insn.mode not in (Mode.MEM, Mode.MEMSX):
                raise VerifierError(idx, ["unknown insn class 1"], EINVAL)
            alumod.check_reg_read(state, idx, insn.src)
            alumod.check_reg_write(idx, insn.dst)
            src = state.reg(insn.src)
            entry[2] = _stack_slot(src, insn.off)
            state = memory.check_mem_access(env, state, idx, insn.src, insn.off, insn.size, "read", insn.dst, insn=insn)
            entry[2] = env.insn_stack_access  # only a fill that restored the spilled register is history
            self._save_aux_ptr_type(idx, src)  # after the access check, as check_load_mem orders them
            path.state = state
            self._after(path, insn, path.state)
            return idx + 1
        if isinstance(insn, Store):
            if insn.mode == Mode.ATOMIC:
                dst = state.reg(insn.dst)
                entry[2] = _stack_slot(dst, insn.off)
                if entry[2] is not None:
                    entry[3] = "atomic"
                state = memory.check_atomic(env, state, idx, insn)
            else:
                if insn.mode != Mode.MEM:
                    raise VerifierError(idx, ["BPF_STX uses reserved fields"], EINVAL)
                alumod.check_reg_read(state, idx, insn.src)
                alumod.check_reg_read(state, idx, insn.dst)
                dst = state.reg(insn.dst)
                entry[2] = _stack_slot(dst, insn.off)
                state = memory.check_mem_access(env, state, idx, insn.dst, insn.off, insn.size, "write", insn.src,
                                                insn=insn)
                entry[2] = env.insn_stack_access  # only a register spill is history
                self._save_aux_ptr_type(idx, dst)
            path.state = state
            self._after(path, insn, path.state)
            return idx + 1
        if isinstance(insn, StoreImm):
            if insn.mode != Mode.MEM or insn.src:
                raise VerifierError(idx, ["BPF_ST uses reserved fields"], EINVAL)
            alumod.check_reg_read(state, idx, insn.dst)
            dst = state.reg(insn.dst)
            entry[2] = _stack_slot(dst, insn.off)
            state = memory.check_mem_access(env, state, idx, insn.dst, insn.off, insn.size, "write", -1, insn=insn)
            entry[2] = env.insn_stack_access
            self._save_aux_ptr_type(idx, dst)
            path.state = state
            self._after(path, insn, path.state)
            return idx + 1
        if isinstance(insn, LoadImm64):
            alumod.check_reg_write(idx, insn.dst)
            state = state.with_reg(insn.dst, self._ld_imm64(insn, idx))
            path.state = state
            self._after(path, insn, state)
            return idx + 2
        if isinstance(insn, LegacyLoad):
            state = memory.check_ld_abs(env, state, idx, insn)
            path.state = state
            self._after(path, insn, state)
            return idx + 1
        if isinstance(insn, Jmp):
            self.jmps_processed += 1
            return self._jump(path, idx, insn)
        if isinstance(insn, Imm64Tail):
            raise VerifierError(idx, [f"unknown opcode {insn.code:02x}"], EINVAL)
        raise VerifierError(idx, [f"unknown insn class {int(cls)}"], EINVAL)

    def _after(self, path: Path, insn: Insn, before: State) -> None:
        if not self.level:
            return
        from .cfg import use_def

        use, d = use_def(insn)
        regs = {r for r in range(10) if (use | d) >> r & 1}
        if getattr(insn, "dst", 0) == 10 or getattr(insn, "src", 0) == 10 and not isinstance(insn, LoadImm64):
            regs.add(10)
        slots: set[int] = set()
        for fi, fr in enumerate(path.state.frames):
            if fi != path.state.curframe:
                continue
            old = before.frames[fi].stack if fi < len(before.frames) else ()
            for spi, slot in enumerate(fr.stack):
                if spi >= len(old) or old[spi] != slot:
                    slots.add(spi)
        if isinstance(insn, (Store, StoreImm, Load)):
            e = path.hist[-1][2] if path.hist else None
            if e is not None and e[0] == path.state.curframe:
                slots.add(e[1])
        slots |= self._scratched_slots()
        self.pending = (path.state, regs, slots)

    def _scratched_slots(self) -> set[int]:
        """The stack slots mark_stack_slot_scratched marked during this instruction."""
        out = set(self.env.scratched_slots)
        self.env.scratched_slots.clear()
        return out

    def _save_aux_ptr_type(self, idx: int, reg: Reg) -> None:
        prev = self.aux_ptr.get(idx)
        if prev is None:
            self.aux_ptr[idx] = reg
            return

        def ok(r: Reg) -> bool:
            return r.type not in (RegType.PTR_TO_CTX, RegType.PTR_TO_SOCKET, RegType.PTR_TO_SOCK_COMMON,
                                  RegType.PTR_TO_TCP_SOCK, RegType.PTR_TO_XDP_SOCK, RegType.PTR_TO_BTF_ID)

        if (reg.type, reg.flags) != (prev.type, prev.flags) and (not ok(reg) or not ok(prev)):
            if reg.type == RegType.PTR_TO_BTF_ID and prev.type == RegType.PTR_TO_BTF_ID:
                return
            raise VerifierError(idx, ["same insn cannot be used with different pointers"], EINVAL)

    def _ld_imm64(self, insn: LoadImm64, idx: int) -> Reg:
        if insn.src == 0:
            return Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(insn.value))
        if insn.src in (PSEUDO_MAP_FD, 1):
            m = self.prog.map_by_name(insn.sym or "") if insn.sym else None
            if m is None and self.prog.maps:
                m = self.prog.maps[insn.imm] if 0 <= insn.imm < len(self.prog.maps) else None
            if m is None:
                raise VerifierError(None, [f"fd {insn.imm} is not pointing to valid bpf_map"], 9)
            return pointer(RegType.CONST_PTR_TO_MAP, map=m)
        if insn.src == PSEUDO_MAP_VALUE:
            m = self.prog.map_by_name(insn.sym or "") if insn.sym else None
            if m is None:
                raise VerifierError(None, [f"fd {insn.imm} is not pointing to valid bpf_map"], 9)
            r = pointer(RegType.PTR_TO_MAP_VALUE, map=m)
            return replace(r, off=insn.imm_hi)
        if insn.src == PSEUDO_FUNC:
            target = idx + insn.imm + 1
            return pointer(RegType.PTR_TO_FUNC, subprogno=self.facts.subprog_at(target))
        raise memory.ModelUnsupported(f"ld_imm64 with src {insn.src}")

    # --- jumps, calls, exit ------------------------------------------------------------------------------
    def _jump(self, path: Path, idx: int, insn: Jmp) -> int:
        env = self.env
        state = path.state
        op = insn.op
        if op == JmpOp.CALL:
            if (insn.source != Src.K or (insn.src != 2 and insn.off != 0) or insn.src not in (0, 1, 2)
                    or insn.dst != 0 or insn.is32):
                raise VerifierError(idx, ["BPF_CALL uses reserved fields"], EINVAL)
            before = state
            if insn.is_pseudo_call:
                return self._call(path, idx, insn)
            if insn.src == 2:
                from .kfuncs import check_kfunc_call

                state = check_kfunc_call(env, state, insn, idx)
            else:
                state = self._helper_call(path, state, insn, idx)
                if insn.imm == 12 and state.curframe:  # bpf_tail_call in a subprogram
                    return self._tail_call_exit(path, state, idx)
            path.state = state
            if self.level:
                if self.scratch_all:
                    self.pending = (state, None, None)
                else:
                    self.pending = (state, {0, 1, 2, 3, 4, 5}, self._scratched_slots())
            self.scratch_all = False
            del before
            return idx + 1
        if op == JmpOp.JA:
            if insn.source != Src.K or insn.src or insn.dst or (not insn.is32 and insn.imm) or (insn.is32 and insn.off):
                raise VerifierError(idx, ["BPF_JA uses reserved fields"], EINVAL)
            return insn.target(idx)
        if op == JmpOp.EXIT:
            if insn.source != Src.K or insn.imm or insn.src or insn.dst or insn.is32:
                raise VerifierError(idx, ["BPF_EXIT uses reserved fields"], EINVAL)
            return self._exit(path, idx)
        if op == JmpOp.JCOND:
            if insn.src != 0 or insn.dst or insn.imm or insn.is32:
                raise VerifierError(idx, [f"invalid may_goto imm {insn.imm}"], EINVAL)
            queued = replace(state, may_goto_depth=state.may_goto_depth + 1)
            prev = path.parent
            if prev is not None and prev.insn == idx:
                prev = prev.parent
            while prev is not None and not (prev.insn == idx and len(prev.state.frames) == len(state.frames)):
                prev = prev.parent
            if prev is not None:
                queued = _widen_imprecise_scalars(prev.state, queued)
            self._push(path, queued, idx + 1, idx)
            return insn.target(idx)
        return self._cond_jmp(path, idx, insn)

    def _helper_call(self, path: Path, state: State, insn: Jmp, idx: int) -> State:
        from . import helpers

        fid = insn.imm
        if fid in SYNC_CALLBACK_HELPERS and fid != 181:
            raise memory.ModelUnsupported(f"callback helper {SYNC_CALLBACK_HELPERS[fid]}")
        return helpers.check_helper_call(self.env, state, insn, idx)

    def _call(self, path: Path, idx: int, insn: Jmp) -> int:
        env = self.env
        state = path.state
        target = idx + insn.imm + 1
        subno = self.facts.subprog_at(target)
        sub = self.facts.subprogs[subno]
        if sub.is_global:
            self._check_global_args(state, idx, subno)
            if self.level:
                self.log.append(f"Func#{subno} ('{sub.name}') is global and assumed valid.")
            self.called_globals.add(subno)
            fr = state.cur
            for r in range(6):
                fr = fr.with_reg(r, NOT_INIT)
            fr = fr.with_reg(0, unknown_scalar())
            path.state = state.with_frame(fr)
            if self.level:  # clear_caller_saved_regs and R0 are scratched
                self.pending = (path.state, {0, 1, 2, 3, 4, 5}, set())
            return idx + 1
        if state.curframe + 1 >= env.profile.max_call_frames:
            raise VerifierError(idx, [f"the call stack of {state.curframe + 2} frames is too deep"], E2BIG)
        caller = state.cur
        callee = _initial_frame(state.curframe + 1, subno, idx)
        for r in range(1, 6):
            callee = callee.with_reg(r, caller.regs[r])
        for r in range(6):
            caller = caller.with_reg(r, NOT_INIT)
        state = replace(state, frames=state.frames[:-1] + (caller, callee))
        path.state = state
        self.liveness.reset_callchain()  # the callee's instance is looked up at its first instruction
        if self.level:
            self.log.append("caller:")
            self.log.append(" " + self._fmt_state_frame(state, len(state.frames) - 2))
            self.log.append("callee:")
            self.log.append(" " + self._fmt_state_frame(state, len(state.frames) - 1))
            self.last_insn_line = None
            self.pending = (state, None, None)  # init_func_state: mark_verifier_state_scratched
        return target

    def _tail_call_exit(self, path: Path, state: State, idx: int) -> int:
        """check_helper_call, BPF_FUNC_tail_call with curframe > 0: the call may not return, so it
        is also an exit of the subprogram: the state after the call is pushed (to idx + 1), and
        this path leaves the subprogram (prepare_func_exit) with R0 unknown and no packet
        pointers."""
        from .packet import clear_all_pkt_pointers

        self._push(path, state, idx + 1, idx)
        state = clear_all_pkt_pointers(state, self.env)
        path.state = state.with_reg(0, unknown_scalar())
        ret_idx = self._exit(path, idx)
        if self.level:
            self.pending_from = None  # do_print_state is not set here
            self.pending = (path.state, {0}, set())  # mark_reg_scratched(env, BPF_REG_0)
        return ret_idx

    def push_callback(self, state: State, idx: int, subno: int, set_cb: Any) -> State:
        """push_callback_call + setup_func_entry for a synchronous callback (bpf_loop)."""
        path = self.cur
        assert path is not None
        if subno < 0:
            raise memory.ModelUnsupported("callback target is not a subprogram")
        if state.curframe + 1 >= self.env.profile.max_call_frames:
            raise VerifierError(idx, [f"the call stack of {state.curframe + 2} frames is too deep"], E2BIG)
        caller = state.cur
        callee = _initial_frame(state.curframe + 1, subno, idx)
        callee = set_cb(self.env, caller, callee, idx)
        cb_caller = replace(caller, callback_depth=caller.callback_depth + 1)
        cb_state = replace(state, frames=state.frames[:-1] + (cb_caller, callee))
        self._push(path, cb_state, self.facts.subprogs[subno].start, idx)
        self.scratch_all = True  # init_func_state: mark_verifier_state_scratched
        return state.with_frame(replace(caller, callback_depth=0))

    def _fmt_state_frame(self, state: State, frame: int) -> str:
        sub = replace(state, frames=state.frames[: frame + 1])
        return self._fmt_state(sub)

    def _check_global_args(self, state: State, idx: int, subno: int) -> None:
        sub = self.facts.subprogs[subno]
        for i, p in enumerate(sub.params[:5], start=1):
            reg = state.reg(i)
            if p.upper() == "CTX":
                if reg.type != RegType.PTR_TO_CTX:
                    self._global_caller_error(idx, subno, i, reg)
            else:
                if reg.type == RegType.NOT_INIT:
                    raise VerifierError(idx, [f"R{i} !read_ok"], EACCES)
                if reg.type != RegType.SCALAR_VALUE:
                    self._global_caller_error(idx, subno, i, reg)

    def _global_caller_error(self, idx: int, subno: int, argno: int, reg: Reg) -> None:
        sub = self.facts.subprogs[subno]
        p = sub.params[argno - 1]
        if p.upper() == "CTX":
            line = f"arg#{argno - 1} expected pointer to ctx, but got {memory.reg_str(reg)}"
        else:
            line = f"R{argno} is not a scalar"
        raise VerifierError(idx, [line, f"Caller passes invalid args into func#{subno} ('{sub.name}')"], EINVAL)

    def _exit(self, path: Path, idx: int) -> int:
        env = self.env
        state = path.state
        if state.curframe == 0:
            from .helpers import check_resource_leak

            check_resource_leak(env, state, idx, "BPF_EXIT instruction in main prog")
            self._check_return_code(path, idx)
            raise _PathDone
        # prepare_func_exit: the callee's marks are propagated (and reach the caller's instance)
        self.liveness.update_live_stack(state, self._sp_start)
        callee = state.cur
        at_exit = state
        r0 = callee.regs[0]
        if r0.type == RegType.PTR_TO_STACK:
            raise VerifierError(idx, ["cannot return stack pointer to the caller"], EINVAL)
        caller = state.frames[-2]
        if callee.in_callback:
            if r0.type == RegType.NOT_INIT:
                raise VerifierError(idx, ["R0 !read_ok"], EACCES)
            if r0.type != RegType.SCALAR_VALUE:
                raise VerifierError(idx, ["R0 not a scalar value"], EACCES)
            self.mark_precision(0)
            lo, hi = callee.callback_ret_range
            s = r0.scalar
            if not (s.smin >= lo and s.smax <= hi):
                raise VerifierError(idx, [_invalid_scalar("At callback return", "R0", s, lo, hi)], EINVAL)
            ret_idx = callee.callsite
        else:
            caller = caller.with_reg(0, r0)
            ret_idx = callee.callsite + 1
        state = replace(state, frames=state.frames[:-2] + (caller,))
        at_return = state  # prepare_func_exit prints the caller before widening
        if callee.in_callback:
            # widen imprecise scalars against the callsite's checkpoint on this path, so that a
            # callback changing a counter converges (prepare_func_exit / find_prev_entry)
            prev = path.parent
            while prev is not None and not (prev.insn == ret_idx and len(prev.state.frames) == len(state.frames)):
                prev = prev.parent
            if prev is not None:
                state = _widen_imprecise_scalars(prev.state, state)
        path.state = state
        if self.level:
            self.log.append("returning from callee:")
            self.log.append(" " + self._fmt_state(at_exit))
            self.log.append("to caller at " + str(ret_idx) + ":")
            self.log.append(" " + self._fmt_state(at_return))
            self.last_insn_line = None
            if self.level >= 2:  # do_print_state: `from X to Y:`, nothing scratched
                self.pending_from = (idx, ret_idx, False)
        return ret_idx

    def _check_return_code(self, path: Path, idx: int) -> None:
        env = self.env
        state = path.state
        r0 = state.reg(0)
        if r0.type == RegType.NOT_INIT:
            raise VerifierError(idx, ["R0 !read_ok"], EACCES)
        if not env.profile.allow_ptr_leaks and r0.type != RegType.SCALAR_VALUE:
            raise VerifierError(idx, ["R0 leaks addr as return value"], EACCES)
        if self.subprog_verifying:
            if r0.type != RegType.SCALAR_VALUE:
                raise VerifierError(idx, [(f"At subprogram exit the register R0 is not a scalar value "
                                           f"({memory.reg_str(r0)})")], EINVAL)
            return
        pt = self.prog.prog_type
        rng: tuple[int, int] | None = None
        if pt == ProgType.CGROUP_SKB:
            rng = (0, 3) if "egress" in (self.prog.section or "") else (0, 1)
        if rng is None:
            return
        if r0.type != RegType.SCALAR_VALUE:
            raise VerifierError(idx, [f"At program exit the register R0 is not a known value ({memory.reg_str(r0)})"],
                                EINVAL)
        self.mark_precision(0)
        s = r0.scalar
        if not (s.smin >= rng[0] and s.smax <= rng[1]):
            raise VerifierError(idx, [_invalid_scalar("At program exit", "R0", s, rng[0], rng[1])], EINVAL)

    def _cond_jmp(self, path: Path, idx: int, insn: Jmp) -> int:
        env = self.env
        state = path.state
        op = insn.op
        alumod.check_reg_read(state, idx, insn.dst)
        dst = state.reg(insn.dst)
        is32 = insn.is32
        if insn.source == Src.X:
            if insn.imm:
                raise VerifierError(idx, ["BPF_JMP/JMP32 uses reserved fields"], EINVAL)
            alumod.check_reg_read(state, idx, insn.src)
            src = state.reg(insn.src)
            pkt_types = (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META, RegType.PTR_TO_PACKET_END)
            if not (dst.type in pkt_types and src.type in pkt_types) and alumod.is_pointer_value(env, src):
                raise VerifierError(idx, [f"R{insn.src} pointer comparison prohibited"], EACCES)
        else:
            if insn.src:
                raise VerifierError(idx, ["BPF_JMP/JMP32 uses reserved fields"], EINVAL)
            imm = insn.imm & ((1 << 64) - 1)
            src = Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(imm))
        same_reg = insn.source == Src.X and insn.src == insn.dst
        pred = _is_branch_taken(dst, src, op, is32, same_reg, env.profile.era)
        if pred >= 0:
            if dst.type == RegType.SCALAR_VALUE:
                self.mark_precision(insn.dst)
            if insn.source == Src.X and src.type == RegType.SCALAR_VALUE:
                self.mark_precision(insn.src)
        target = insn.target(idx)
        if pred == 1:
            if self.level:
                self._log_insn_state(path.state, {insn.dst} | ({insn.src} if insn.source == Src.X else set()), set(),
                                     next_idx=idx)
            return target
        if pred == 0:
            if self.level:
                self._log_insn_state(path.state, {insn.dst} | ({insn.src} if insn.source == Src.X else set()), set(),
                                     next_idx=idx)
            return idx + 1
        # both directions possible
        live = [self.facts.live_before[idx] if fi == state.curframe
                else self.facts.live_before[state.frames[fi + 1].callsite] for fi in range(len(state.frames))]
        linked, members = _collect_linked(state, dst, src if insn.source == Src.X else None, live)
        path.hist[-1][3] = linked
        this, other = state, state
        if dst.type == RegType.SCALAR_VALUE and src.type == RegType.SCALAR_VALUE:
            ref = sc.refine_cond(op, dst.scalar, src.scalar, is32, same_reg)
            for line in ref.log:
                env.verbose(line)
            t_dst, t_src = ref.taken
            f_dst, f_src = ref.fall
            other = other.with_reg(insn.dst, replace(dst, scalar=t_dst))
            this = this.with_reg(insn.dst, replace(dst, scalar=f_dst))
            if insn.source == Src.X and not same_reg:
                other = other.with_reg(insn.src, replace(src, scalar=t_src))
                this = this.with_reg(insn.src, replace(src, scalar=f_src))
            if insn.source == Src.X and src.id:
                this = _sync_linked(this, this.reg(insn.src), members)
                other = _sync_linked(other, other.reg(insn.src), members)
            if dst.id:
                this = _sync_linked(this, this.reg(insn.dst), members)
                other = _sync_linked(other, other.reg(insn.dst), members)
        if (not is32 and insn.source == Src.K and insn.imm == 0 and op in (JmpOp.JEQ, JmpOp.JNE)
                and dst.flags & RegFlag.PTR_MAYBE_NULL):
            this = _mark_ptr_or_null_regs(this, insn.dst, op == JmpOp.JNE)
            other = _mark_ptr_or_null_regs(other, insn.dst, op == JmpOp.JEQ)
        else:
            m = None
            if insn.source == Src.X:
                m = packet.try_match_pkt_pointers(env, insn, dst, src, this, other)
            if m is not None:
                this, other = m
            elif alumod.is_pointer_value(env, dst):
                raise VerifierError(idx, [f"R{insn.dst} pointer comparison prohibited"], EACCES)
        if self.level:
            self._log_insn_state(this, {insn.dst} | ({insn.src} if insn.source == Src.X else set()), set(),
                                     next_idx=idx)
        pushed = self._push(path, other, target, idx)
        pushed.trace.append((idx, "taken"))
        path.trace.append((idx, "fallthrough"))
        path.state = this
        return idx + 1


# --- helpers ---------------------------------------------------------------------------------------------

_DEAD_SLOT = StackSlot()  # __mark_reg_not_init + every byte STACK_INVALID


def _same_callsites(a: State, b: State) -> bool:
    if len(a.frames) != len(b.frames):
        return False
    return all(fa.callsite == fb.callsite for fa, fb in zip(a.frames, b.frames))


def _fmt_regs(mask: set[int]) -> str:
    return ",".join(f"r{r}" for r in sorted(mask))


def _fmt_slots(mask: set[int]) -> str:
    return ",".join(f"-{8 * (spi + 1)}" for spi in sorted(mask))


def _prefix_space(s: str) -> str:
    return (" " + s) if s else ""


def _invalid_scalar(ctx: str, reg_name: str, s: Scalar, lo: int, hi: int) -> str:
    out = f"{ctx} the register {reg_name} has"
    if s.smin > -(1 << 63):
        out += f" smin={s.smin}"
    if s.smax < (1 << 63) - 1:
        out += f" smax={s.smax}"
    return out + f" should have been in [{lo}, {hi}]"


def _stack_slot(reg: Reg, off: int) -> tuple[int, int] | None:
    if reg.type != RegType.PTR_TO_STACK or not reg.scalar.var_off.is_const():
        return None
    v = reg.scalar.var_off.value
    v = v - (1 << 64) if v >> 63 else v
    total = reg.off + off + v
    if total >= 0 or total < -MAX_BPF_STACK:
        return None
    return (reg.frameno, (-total - 1) // BPF_REG_SIZE)


def _reg_not_null(reg: Reg, era: str = "6.18") -> bool:
    if reg.flags & RegFlag.PTR_MAYBE_NULL:
        return False
    t = reg.type
    if era == "patch-v4":  # reg_type_not_null of that era
        return t in (RegType.PTR_TO_SOCKET, RegType.PTR_TO_TCP_SOCK, RegType.PTR_TO_MAP_VALUE,
                     RegType.PTR_TO_MAP_KEY, RegType.PTR_TO_SOCK_COMMON)
    if t == RegType.PTR_TO_BTF_ID:
        from .btf_access import is_trusted_reg

        return is_trusted_reg(reg)
    if t == RegType.PTR_TO_MEM:
        return not (reg.flags & RegFlag.PTR_UNTRUSTED)
    return t in (RegType.PTR_TO_SOCKET, RegType.PTR_TO_TCP_SOCK, RegType.PTR_TO_MAP_VALUE, RegType.PTR_TO_MAP_KEY,
                 RegType.PTR_TO_SOCK_COMMON, RegType.CONST_PTR_TO_MAP)


def _is_branch_taken(dst: Reg, src: Reg, op: JmpOp, is32: bool, same_reg: bool, era: str = "6.18") -> int:
    pkt = (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META, RegType.PTR_TO_PACKET_END)
    if dst.type in pkt and src.type in pkt and not is32:
        return packet.is_pkt_ptr_branch_taken(dst, src, op)
    if dst.type != RegType.SCALAR_VALUE or src.type != RegType.SCALAR_VALUE:
        r1, r2 = dst, src
        if not (r2.type == RegType.SCALAR_VALUE and sc.is_reg_const(r2.scalar, is32)):
            op = JmpOp(sc.flip_opcode(op))
            r1, r2 = r2, r1
        if not (r2.type == RegType.SCALAR_VALUE and sc.is_reg_const(r2.scalar, is32)):
            return -1
        if not _reg_not_null(r1, era):
            return -1
        if sc.reg_const_value(r2.scalar, is32) != 0:
            return -1
        if op == JmpOp.JEQ:
            return 0
        if op == JmpOp.JNE:
            return 1
        return -1
    return sc.is_branch_taken(op, dst.scalar, src.scalar, is32, same_reg)


LINKED_REGS_MAX = 6


def _collect_linked(state: State, dst: Reg, src: Reg | None, live: list[int]
                    ) -> tuple[tuple[Any, ...] | None, set[tuple[int, str, int]]]:
    """collect_linked_regs for src's id then dst's id: the scalars sharing it among the registers
    live before the instruction (live[frame], aux live_regs_before at frame_insn_idx) and the
    spilled scalars, innermost frame first, at most LINKED_REGS_MAX. Returns (the jump-history
    entry the backtracking reads: ("r", i)/("s", spi) of the current frame, or ("all",) when an
    outer frame is involved; None for fewer than two), the members (frame, "r"/"s", index))."""
    from .regs import base_id

    members: list[tuple[int, str, int]] = []
    for r in (src, dst):
        if r is None or r.type != RegType.SCALAR_VALUE or not r.id:
            continue
        rid = base_id(r.id)
        for fi in range(len(state.frames) - 1, -1, -1):
            fr = state.frames[fi]
            for i in range(10):
                reg = fr.regs[i]
                if not live[fi] >> i & 1 or reg.type != RegType.SCALAR_VALUE or base_id(reg.id) != rid:
                    continue
                if (fi, "r", i) not in members and len(members) < LINKED_REGS_MAX:
                    members.append((fi, "r", i))
            for spi, slot in enumerate(fr.stack):
                if (slot.kinds[-1] == SlotKind.SPILL and slot.spilled.type == RegType.SCALAR_VALUE
                        and base_id(slot.spilled.id) == rid):
                    if (fi, "s", spi) not in members and len(members) < LINKED_REGS_MAX:
                        members.append((fi, "s", spi))
    if len(members) < 2:
        return None, set(members)
    cur = state.curframe
    if any(fi != cur for fi, _, _ in members):
        return ("all",), set(members)
    return tuple((k, i) for _, k, i in members), set(members)


def _sync_linked(state: State, known: Reg, members: set[tuple[int, str, int]]) -> State:
    """sync_linked_regs: every collected scalar (`members`, see _collect_linked) sharing known's
    id learns its bounds (plus its delta)."""
    from .regs import BPF_ADD_CONST, BPF_ADD_CONST32, base_id

    rid = base_id(known.id)

    def upd(r: Reg) -> Reg:
        if r.type != RegType.SCALAR_VALUE or r is known or base_id(r.id) != rid:
            return r
        if (not (r.id & BPF_ADD_CONST) and not (known.id & BPF_ADD_CONST)) or r.off == known.off:
            return replace(known, subreg_def=r.subreg_def)
        delta = (r.off - known.off) & ((1 << 64) - 1)
        v = sc.alu(AluOp.ADD, known.scalar, Scalar.const(delta), True)
        if r.id & BPF_ADD_CONST32:
            v = sc.reg_bounds_sync(sc.zext_32_to_64(v))
        return replace(known, scalar=v, off=r.off, id=r.id, subreg_def=r.subreg_def)

    frames = list(state.frames)
    for fi, kind, i in sorted(members):
        fr = frames[fi]
        if kind == "r":
            frames[fi] = fr.with_reg(i, upd(fr.regs[i]))
        else:
            slot = fr.stack[i]
            frames[fi] = fr.with_slot(i, replace(slot, spilled=upd(slot.spilled)))
    return replace(state, frames=tuple(frames))


def _mark_ptr_or_null_regs(state: State, regno: int, is_null: bool) -> State:
    reg = state.reg(regno)
    rid = reg.id
    ref = reg.ref_obj_id
    if ref and ref == rid and is_null:
        state = replace(state, refs=tuple(x for x in state.refs if x.id != ref))

    def upd(r: Reg) -> Reg:
        if r.flags & RegFlag.PTR_MAYBE_NULL and r.id == rid:
            if is_null:
                return Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(0))
            return replace(r, flags=r.flags & ~RegFlag.PTR_MAYBE_NULL, id=0)
        return r

    return packet.map_regs(state, upd)


def _widen_imprecise_scalars(old: State, cur: State) -> State:
    idmap = prune.IdMap()

    def widen(ro: Reg, rc: Reg) -> Reg:
        if ro.type != RegType.SCALAR_VALUE or rc.type != RegType.SCALAR_VALUE:
            return rc
        if ro.precise or rc.precise or prune.regs_exact(ro, rc, idmap):
            return rc
        return unknown_scalar()

    frames = list(cur.frames)
    for fr in range(len(old.frames) - 1, -1, -1):
        fo, fc = old.frames[fr], frames[fr]
        fc = replace(fc, regs=tuple(widen(a, b) for a, b in zip(fo.regs, fc.regs)))
        for i in range(min(len(fo.stack), len(fc.stack))):
            so, scur = fo.stack[i], fc.stack[i]
            if so.kinds[-1] == SlotKind.SPILL and scur.kinds[-1] == SlotKind.SPILL:
                fc = fc.with_slot(i, replace(scur, spilled=widen(so.spilled, scur.spilled)))
        frames[fr] = fc
    return replace(cur, frames=tuple(frames))


def _mark_all_scalars(state: State, precise: bool) -> State:
    def upd(r: Reg) -> Reg:
        if r.type == RegType.SCALAR_VALUE and r.precise != precise:
            return replace(r, precise=precise)
        return r

    return packet.map_regs(state, upd)


def _mark_all_scalars_imprecise(state: State) -> State:
    return _mark_all_scalars(state, False)


_BT_CACHE: dict[int, tuple[Program, list[tuple[int, int, int]]]] = {}
(BT_MOVK, BT_MOVX, BT_ALUK, BT_ALUX, BT_DEF, BT_LOAD, BT_STORE, BT_STOREIMM, BT_LEGACY, BT_PCALL, BT_CALL,
 BT_EXIT, BT_NOP, BT_JX, BT_ATOMIC) = range(15)


def _bt_table(prog: Program) -> list[tuple[int, int, int]]:
    """(kind, dst, src) per slot: what backtrack_insn needs, decoded once per program."""
    key = id(prog)
    cached = _BT_CACHE.get(key)
    if cached is not None and cached[0] is prog:  # the id of a freed program can be reused
        return cached[1]
    tab = []
    for insn in prog.insns:
        k = BT_NOP
        if isinstance(insn, Alu):
            op = insn.code & 0xF0
            x = bool(insn.code & 0x08)
            if op == 0xB0:
                k = BT_MOVX if x else BT_MOVK
            elif op in (0x80, 0xD0):
                k = BT_ALUK
            else:
                k = BT_ALUX if x else BT_ALUK
        elif isinstance(insn, LoadImm64):
            k = BT_DEF
        elif isinstance(insn, Load):
            k = BT_LOAD
        elif isinstance(insn, Store):
            k = BT_ATOMIC if insn.is_atomic else BT_STORE
        elif isinstance(insn, StoreImm):
            k = BT_STOREIMM
        elif isinstance(insn, LegacyLoad):
            k = BT_LEGACY
        elif isinstance(insn, Jmp):
            op = insn.code & 0xF0
            if op == 0x80:
                k = BT_PCALL if insn.src == 1 else BT_CALL
            elif op == 0x90:
                k = BT_EXIT
            elif op == 0x00:
                k = BT_NOP
            elif insn.code & 0x08:
                k = BT_JX
            else:
                k = BT_NOP
        tab.append((k, insn.dst, insn.src))
    if len(_BT_CACHE) > 64:
        _BT_CACHE.clear()
    _BT_CACHE[key] = (prog, tab)
    return tab


def _sync_linked_masks(linked: Any, rmask: set[int], smask: set[int]) -> bool:
    if linked == ("all",):
        return False
    regs = {i for k, i in linked if k == "r"}
    sl = {i for k, i in linked if k == "s"}
    if rmask & regs or smask & sl:
        rmask |= regs
        smask |= sl
    return True


_ARGS = frozenset({1, 2, 3, 4, 5})


class _Bt:
    """struct backtrack_state: the registers and stack slots still to be made precise, per frame,
    and the frame the instructions being walked back belong to."""

    __slots__ = ("frame", "regs", "slots")

    def __init__(self, frame: int) -> None:
        self.frame = frame
        self.regs: list[set[int]] = [set() for _ in range(frame + 1)]
        self.slots: list[set[int]] = [set() for _ in range(frame + 1)]

    def enter(self) -> bool:  # bt_subprog_enter
        if self.frame + 1 >= MAX_CALL_FRAMES:
            return False
        self.frame += 1
        if len(self.regs) <= self.frame:
            self.regs.append(set())
            self.slots.append(set())
        return True

    def empty(self) -> bool:  # bt_empty: the frames up to the current one
        f = self.frame
        if self.regs[f] or self.slots[f]:  # the common case, checked first
            return False
        regs, slots = self.regs, self.slots
        for i in range(f):
            if regs[i] or slots[i]:
                return False
        return True


@dataclass(frozen=True)
class _BtContext:
    prog: Program
    facts: ProgramFacts
    # the later 6.18.44 build (measured): backtracking into a callback's exit keeps the caller's
    # R1-R5 in its mask; they are dropped when the parent state finds them already precise
    callback_exit_keeps_args: bool = False

    def is_global_call(self, idx: int) -> bool:
        insn = self.prog.insns[idx]
        sub = self.facts.subprog_at(idx + insn.imm + 1)  # type: ignore[attr-defined]
        return sub >= 0 and self.facts.subprogs[sub].is_global

    def calls_callback(self, idx: int) -> bool:  # bpf_calls_callback
        return idx in self.facts.calls_callback


def _backtrack(tab: list[tuple[int, int, int]], entry: Any, bt: _Bt, subseq: int, ctx: _BtContext) -> bool:
    """backtrack_insn for one history entry (`subseq`: the instruction executed after it): rewrite
    the masks to what was needed before it, moving between frames at calls and exits. False when
    the simplified backtracking cannot follow (the kernel's -ENOTSUPP, or a case it reports as a
    verifier bug)."""
    idx, efr, stack, linked = entry
    k, d, s = tab[idx]
    fr = bt.frame
    rmask, smask = bt.regs[fr], bt.slots[fr]
    if efr != fr:  # a call or an exit moves the walk between frames
        if k == BT_EXIT and efr == fr + 1:
            # back from after the call into the callee's exit: a callback's R1-R5 were set by the
            # helper calling it; R0 is the callee's to make precise only when it returned to a
            # subprogram call
            into_callback = subseq >= 0 and ctx.calls_callback(subseq)
            if into_callback and not ctx.callback_exit_keeps_args:
                rmask -= _ARGS
            if rmask & _ARGS and not into_callback:
                return False
            r0_precise = subseq >= 1 and tab[subseq - 1][0] == BT_PCALL and 0 in rmask
            rmask.discard(0)
            if not bt.enter():
                return False
            if r0_precise:
                bt.regs[bt.frame].add(0)
            return True
        if k == BT_PCALL and efr == fr - 1 and subseq != idx + 1:
            # back from a static subprogram's first instruction to its call: only its arguments
            # can still be wanted, and they are the caller's R1-R5
            if rmask - _ARGS or smask:
                return False
            bt.regs[fr - 1] |= rmask
            rmask.clear()
            bt.frame = fr - 1  # bt_subprog_exit
            return True
        if k == BT_CALL and efr == fr - 1 and ctx.calls_callback(idx) and idx != subseq - 1:
            # back from a callback's first instruction to the helper that called it: its R1-R5
            # were set by the helper, not passed by the caller
            if rmask - _ARGS or smask:
                return False
            rmask.clear()
            bt.frame = fr - 1
            return True
        if (k == BT_CALL and efr == fr + 1 and s == 0 and subseq - idx != 1
                and ctx.prog.insns[idx].imm == 12):  # type: ignore[attr-defined]
            # bpf_tail_call in a subprogram (an exit of it), walked back from the caller: it set
            # the caller's R0; the walk goes on in the callee
            rmask.discard(0)
            return not rmask & _ARGS and bt.enter()
        return bt.empty()
    linked_regs = linked is not None and linked != "atomic"
    if linked_regs and not _sync_linked_masks(linked, rmask, smask):
        return False
    if k <= BT_ALUX:
        if d in rmask:
            if k == BT_MOVK:
                rmask.discard(d)
            elif k == BT_MOVX:
                rmask.discard(d)
                rmask.add(s)
            elif k == BT_ALUX:
                rmask.add(s)
        return True
    if k == BT_DEF:
        rmask.discard(d)
        return True
    if k == BT_LOAD:
        if d in rmask:
            rmask.discard(d)
            if stack is not None:  # a fill: the spilled slot (of whichever frame) is wanted instead
                bt.slots[stack[0]].add(stack[1])
        return True
    if k in (BT_STORE, BT_STOREIMM, BT_ATOMIC):
        if stack is None or stack[1] not in bt.slots[stack[0]]:
            return True
        if k == BT_ATOMIC:
            return False
        bt.slots[stack[0]].discard(stack[1])
        if k == BT_STORE:
            rmask.add(s)
        return True
    if k == BT_LEGACY:
        for r in range(6):
            rmask.discard(r)
        return True
    if k == BT_PCALL:  # a global subprogram: it sets R0 and leaves R1-R5 unusable
        if rmask & _ARGS:
            return False
        rmask.discard(0)
        return True
    if k == BT_CALL:  # a helper or kfunc sets R0; its arguments must have been found already
        rmask.discard(0)
        return not rmask & _ARGS
    if k == BT_EXIT:
        return bt.empty()
    if k == BT_JX and (d in rmask or s in rmask):
        rmask.add(d)
        rmask.add(s)
    if linked_regs:
        _sync_linked_masks(linked, rmask, smask)
    return True


# --- entry point ------------------------------------------------------------------------------------------


def run(program: Program, *, profile: str = "6.18", privileged: bool = True, log_level: int = 1,
        time_limit: float = 30.0, btf: object | None = None) -> Result:
    t0 = time.monotonic()
    prof = get_profile(profile, privileged)
    env = Env(prog=program, profile=prof, log_level=log_level, deadline=t0 + time_limit)
    if btf is not None:
        env.btf = btf
    ex: Explorer | None = None
    pre_log: list[str] = []
    res: Result
    try:
        from .kfuncs import check_kfunc_load

        subs = find_subprogs(program)
        check_kfunc_load(env)
        if log_level >= 2:
            pre_log.extend(f"func#{i} @{s.start}" for i, s in enumerate(subs))
        check_subprogs(program, [_as_cfg_sub(s) for s in subs])
        facts = check_cfg(program, [_as_cfg_sub(s) for s in subs], bpf_capable=prof.bpf_capable,
                          nargs=lambda insn: _call_nargs(env, insn),
                          callback_scc=getattr(prof, "callback_scc", False))
        ex = Explorer(env, facts, log_level=log_level)
        if log_level >= 2:
            from .cfg import format_live_regs

            ex.log[:0] = pre_log + format_live_regs(program, facts)
            pre_log.clear()
        ex.walking = True
        ex.run_main()
        ex.reset_log_after_success()
        for subno in sorted(ex.called_globals):
            ex.run_global(subno)
            ex.reset_log_after_success()
            if log_level:  # do_check_subprogs
                ex.log.append(f"Func#{subno} ('{facts.subprogs[subno].name}') is safe for any args that match "
                              "its prototype")
        ex.walking = False
        _check_stack_depth(env, facts, ex)
        res = Result("accept")
    except VerifierError as e:
        lines = [_era_line(prof, x) for x in e.lines]
        if prof.era == "patch-v4" and lines and lines[-1].endswith(" would lead to reference leak") and \
                lines[0].startswith("Unreleased reference"):
            lines = lines[:-1]  # the seed era printed only the references
        res = Result("reject", errors=lines, errno=e.errno)
        if ex is not None and ex.walking:
            res.insn = ex.last_printed
        if ex is not None and ex.cur is not None:
            res.path = list(ex.cur.trace) + ([(e.insn, "")] if e.insn is not None else [])
    except memory.ModelUnsupported as e:
        res = Result("error", extra={"unsupported": str(e)})
    except TimeoutError:
        res = Result("error", extra={"timeout": f"model time bound of {time_limit:g}s exceeded"})
    except RecursionError:
        res = Result("error", extra={"unsupported": "recursion limit"})
    res.processed = env.insn_processed
    if ex is not None:
        res.states = ex.total_states
        res.peak_states = ex.peak_states
    res.duration = time.monotonic() - t0
    res.source = "model"
    if res.verdict == "reject" and res.errors and res.errors[-1] in _NO_NEWLINE:
        # the kernel prints these without a newline: the stats line runs into them
        mps = ex.max_states_per_insn if ex else 0
        res.errors[-1] += _stats_line(env, res, mps)
    res.log = _final_log(ex, env, res, log_level, pre_log)
    if res.verdict == "reject" and res.insn is None and ex is not None and env.insn_processed:
        res.insn = None
    return res


def _era_line(prof: Any, line: str) -> str:
    if prof.era != "patch-v4":
        return line
    return line.replace("'scalar'", "'inv'")


_NO_NEWLINE = {"expected prog array map for tail call"}


def _stats_line(env: Env, res: Result, mps: int) -> str:
    return (f"processed {env.insn_processed} insns (limit {env.profile.insn_limit}) max_states_per_insn {mps} "
            f"total_states {res.states} peak_states {res.peak_states} mark_read 0")


def _insn_of_line(ex: Explorer) -> int | None:
    for line in reversed(ex.log):
        head = line.split(":", 1)[0]
        if head.isdigit() and line[len(head):].startswith(": ("):
            return int(head)
    return None


def _final_log(ex: Explorer | None, env: Env, res: Result, level: int, pre: list[str] | None = None) -> str:
    if not level:
        return ""
    lines: list[str] = list(pre or [])
    if ex is not None and (res.verdict in ("reject", "accept") or level >= 2):
        lines = list(ex.log)  # level 1, accepted: what follows the last reset (`Func#N ... is safe`)
    lines.extend(env.log_lines)
    if res.verdict == "reject":
        if ex is not None and ex.l1_popped and lines and res.errors and not env.log_lines:
            # raised before the popped state was printed: the error lands on the jump's line
            lines[-1] += " " + res.errors[0]
            lines.extend(res.errors[1:])
        else:
            lines.extend(res.errors)
    mps = ex.max_states_per_insn if ex else 0
    if not (res.errors and res.errors[-1].endswith(" mark_read 0")):
        lines.append(_stats_line(env, res, mps))
    return "\n".join(lines) + "\n"


def _line_records(program: Program) -> list[tuple[int, Any]]:
    """The line_info records the loader passes for the program (kernel/loader.py line_records)."""
    if not program.c_locs:
        return []
    from ..btf.func_info import subprog_starts
    from ..kernel.loader import line_records

    return line_records(program, subprog_starts(program))


def _call_nargs(env: Env, insn: Insn) -> int:
    """How many argument registers a helper or kfunc call reads (its prototype's arity)."""
    try:
        if insn.src == 2:  # get_call_summary fails (5 arguments) when fetch_kfunc_meta does
            from . import kfuncs

            fid = kfuncs.kfunc_id(env, insn)
            name = kfuncs._func_name(env, insn, fid)
            row = kfuncs._row(env, name)
            if row is None or int(env.prog.prog_type) not in row.prog_types:
                return 5
            return len(kfuncs.kfunc_proto(env, name, fid).params)
        from .helper_protos import get_proto, helper_allowed

        # (the later build's refusal of bpf_xdp_adjust_meta comes after liveness: its live-regs
        # listing still reads the helper's two arguments; measured)
        if not helper_allowed(env.prog.prog_type, insn.imm, perfmon=env.profile.allow_ptr_leaks):
            return 5  # get_helper_proto fails
        proto = get_proto(env.prog.prog_type, insn.imm)
        return 5 if proto is None else len(proto.args)
    except Exception:  # noqa: BLE001 - an unknown call: assume it reads every argument register
        return 5


def _as_cfg_sub(s: Any) -> Any:
    return s


def _check_stack_depth(env: Env, facts: ProgramFacts, ex: Explorer) -> None:
    """check_max_stack_depth: the deepest call chain's combined (rounded) stack must fit in 512."""
    depth = ex_stack_depths(ex)
    subs = facts.subprogs
    prog = env.prog
    callees: dict[int, set[int]] = {i: set() for i in range(len(subs))}
    for i, insn in prog.instructions():
        if isinstance(insn, Jmp) and insn.is_pseudo_call:
            caller = facts.subprog_of(i)
            callee = facts.subprog_at(i + insn.imm + 1)
            if not subs[callee].is_global:
                callees[caller].add(callee)

    def rounded(n: int) -> int:  # round_up_stack_depth with the JIT on
        return ((n + 15) // 16) * 16

    roots = [0] + [i for i in ex.called_globals]
    for root in roots:

        def walk(s: int, total: int, frames: int, seen: tuple[int, ...]) -> None:
            total += rounded(depth.get(s, 0))
            if total > MAX_BPF_STACK:
                raise VerifierError(None, [f"combined stack size of {frames} calls is {total}. Too large"], EACCES)
            for c in callees.get(s, ()):
                if c in seen:
                    continue
                walk(c, total, frames + 1, seen + (c,))

        walk(root, 0, 1, (root,))


def ex_stack_depths(ex: Explorer) -> dict[int, int]:
    return ex.stack_depth
