"""Load-time control-flow checks and static facts about the program (kernel/bpf/verifier.c).

- `check_subprogs`: jumps stay inside their subprogram, each subprogram ends in exit or ja.
- `check_cfg`: the depth-first walk of the instruction graph (`unreachable insn N`, jumps into
  the middle of an ld_imm64, back-edges for loaders without CAP_BPF), and the prune points it
  marks (conditional jumps, `ja` targets, the instruction after a call, callback call sites).
- `compute_live_registers`: which registers each instruction's continuation may read (6.15+
  uses this to clean explored states before comparing them).
- `compute_scc`: the loops of the graph (strongly connected components), numbered like the
  kernel's (the level-2 liveness table and `SCC enter/exit` lines print the numbers).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from ..btf.func_info import subprogs as btf_subprogs
from ..errors import VerifierError
from ..isa.insn import Alu, Imm64Tail, Insn, Jmp, LegacyLoad, Load, LoadImm64, Store, StoreImm
from ..isa.opcodes import PSEUDO_FUNC, AluOp, AtomicOp, JmpOp, Mode, Src
from ..program import Program

EINVAL = 22
EACCES = 13

# helpers that call a callback synchronously (is_sync_callback_calling_function)
SYNC_CALLBACK_HELPERS = {164: "bpf_for_each_map_elem", 181: "bpf_loop", 193: "bpf_user_ringbuf_drain",
                         202: "bpf_find_vma"}


@dataclass(frozen=True)
class Subprog:
    start: int
    end: int  # exclusive
    name: str
    linkage: str = "static"
    params: tuple[str, ...] = ()

    @property
    def is_global(self) -> bool:
        return self.linkage == "global"


@dataclass
class ProgramFacts:
    subprogs: list[Subprog]
    prune_points: set[int] = field(default_factory=set)
    jmp_points: set[int] = field(default_factory=set)
    force_checkpoints: set[int] = field(default_factory=set)
    calls_callback: set[int] = field(default_factory=set)
    live_before: list[int] = field(default_factory=list)  # bitmask of r0..r9 per insn
    in_loop: set[int] = field(default_factory=set)
    scc_of: dict[int, int] = field(default_factory=dict)  # loop (SCC) number per instruction, from 1
    succ: list[tuple[int, ...]] = field(default_factory=list)  # bpf_insn_successors of every instruction

    def subprog_of(self, insn: int) -> int:
        for i, s in enumerate(self.subprogs):
            if s.start <= insn < s.end:
                return i
        return 0

    def subprog_at(self, start: int) -> int:
        for i, s in enumerate(self.subprogs):
            if s.start == start:
                return i
        return -1


def _err(msg: str, errno: int = EINVAL) -> VerifierError:
    return VerifierError(None, [msg], errno)


def find_subprogs(prog: Program) -> list[Subprog]:
    """add_subprog_and_kfunc: subprogram starts are call targets, ld_imm64 func refs, and
    the functions the BTF func info names."""
    n = len(prog.insns)
    for i, insn in prog.instructions():
        if isinstance(insn, Jmp) and insn.is_pseudo_call or isinstance(insn, LoadImm64) and insn.src == PSEUDO_FUNC:
            target = i + insn.imm + 1
            if target < 0 or target >= n:
                raise _err("call to invalid destination")
    return [Subprog(s.start, s.end, s.name, s.linkage, tuple(s.params)) for s in btf_subprogs(prog)]


def check_subprogs(prog: Program, subs: list[Subprog]) -> None:
    insns = prog.insns
    for s in subs:
        for i in range(s.start, s.end):
            insn = insns[i]
            if isinstance(insn, Jmp) and insn.op not in (JmpOp.CALL, JmpOp.EXIT):
                if insn.op == JmpOp.JA and insn.is32:
                    off = i + insn.imm + 1
                else:
                    off = i + insn.off + 1
                if off < s.start or off >= s.end:
                    raise _err(f"jump out of range from insn {i} to {off}")
        last = insns[s.end - 1]
        if not (isinstance(last, Jmp) and last.op in (JmpOp.EXIT, JmpOp.JA)):
            raise _err("last insn is not an exit or jmp")


def _successors(prog: Program, i: int) -> list[int]:
    insn = prog.insns[i]
    if isinstance(insn, Jmp):
        if insn.op == JmpOp.EXIT:
            return []
        if insn.op == JmpOp.JA:
            return [insn.target(i)]
        if insn.op == JmpOp.CALL:
            return [i + 1]
        return [i + 1, insn.target(i)]
    return [i + insn.slots]


def check_cfg(prog: Program, subs: list[Subprog], bpf_capable: bool = True,
              nargs: Callable[[Insn], int] | None = None, callback_scc: bool = False) -> ProgramFacts:
    """check_cfg: every instruction reachable from some subprogram entry, no jump into an
    ld_imm64's second half; the prune points the walk marks."""
    insns = prog.insns
    n = len(insns)
    facts = ProgramFacts(subprogs=subs)
    explored = [0] * n  # 0 unvisited, 1 on stack, 2 done
    for s in subs:
        if explored[s.start]:
            continue
        stack = [(s.start, iter(()))]
        explored[s.start] = 1
        order: list[tuple[int, list[int]]] = []
        # iterative DFS with explicit successor lists
        work: list[tuple[int, list[int], int]] = [(s.start, _succ_marking(prog, s.start, facts), 0)]
        del stack, order
        while work:
            t, succ, k = work[-1]
            if k >= len(succ):
                explored[t] = 2
                work.pop()
                continue
            work[-1] = (t, succ, k + 1)
            w = succ[k]
            if w < 0 or w >= n:
                raise _err(f"jump out of range from insn {t} to {w}")
            if isinstance(insns[w], Imm64Tail):
                raise _err(f"jump into the middle of ldimm64 insn {w - 1}")
            if explored[w] == 0:
                explored[w] = 1
                work.append((w, _succ_marking(prog, w, facts), 0))
            elif explored[w] == 1 and not bpf_capable:
                raise _err(f"back-edge from insn {t} to {w}")
    for i in range(n):
        if isinstance(insns[i], Imm64Tail):
            continue
        if not explored[i]:
            raise _err(f"unreachable insn {i}")
    from .liveness import insn_successors

    facts.succ = [insn_successors(prog, i) for i in range(n)]
    facts.scc_of = compute_scc(prog, facts.succ, facts.calls_callback if callback_scc else None)
    facts.in_loop = set(facts.scc_of)
    facts.live_before = compute_live_registers(prog, nargs)
    return facts


def compute_scc(prog: Program, succ: list[tuple[int, ...]] | None = None,
                calls_callback: set[int] | None = None) -> dict[int, int]:
    """compute_scc: Tarjan's strongly connected components of the instruction graph
    (bpf_insn_successors edges: a call falls through), numbered from 1 in the order the
    iterative DFS completes them; only components with two or more instructions or a self
    loop get a number, and (`calls_callback` given: the later 6.18.44 build, profile field
    `callback_scc`, measured) an instruction that calls a callback, an implicit loop."""
    from .liveness import insn_successors

    n = len(prog.insns)
    not_on_stack = 1 << 62
    pre = [0] * n
    low = [0] * n
    scc: dict[int, int] = {}
    next_pre = 1
    next_scc = 1
    if succ is None:
        succ = [insn_successors(prog, i) for i in range(n)]
    for i in range(n):
        if pre[i]:
            continue
        stack: list[int] = []
        dfs = [i]
        while dfs:
            w = dfs[-1]
            if pre[w] == 0:
                low[w] = pre[w] = next_pre
                next_pre += 1
                stack.append(w)
            descended = False
            for s in succ[w]:
                if not 0 <= s < n:
                    continue
                if pre[s]:
                    low[w] = min(low[w], low[s])
                else:
                    dfs.append(s)
                    descended = True
                    break
            if descended:
                continue
            if low[w] < pre[w]:  # something above w on the stack is reachable from it: keep w there
                dfs.pop()
                continue
            assign = stack[-1] != w or w in succ[w] or (calls_callback is not None and w in calls_callback)
            while True:
                t = stack.pop()
                low[t] = not_on_stack
                if assign:
                    scc[t] = next_scc
                if t == w:
                    break
            if assign:
                next_scc += 1
            dfs.pop()
    return scc


def _succ_marking(prog: Program, t: int, facts: ProgramFacts) -> list[int]:
    """visit_insn: the successors of t, marking prune / jmp / checkpoint points on the way."""
    insn = prog.insns[t]
    if isinstance(insn, Jmp):
        if insn.op == JmpOp.EXIT:
            return []
        if insn.op == JmpOp.CALL:
            nxt = t + 1
            facts.prune_points.add(nxt)
            facts.jmp_points.add(nxt)
            if insn.is_helper_call and insn.imm in SYNC_CALLBACK_HELPERS:
                facts.calls_callback.add(t)
                facts.force_checkpoints.add(t)
                facts.prune_points.add(t)
                facts.jmp_points.add(t)
            if insn.is_pseudo_call:
                facts.prune_points.add(t)
                facts.prune_points.add(t + insn.imm + 1)
                facts.jmp_points.add(t + insn.imm + 1)
                return [nxt, t + insn.imm + 1]
            return [nxt]
        if insn.op == JmpOp.JA:
            w = insn.target(t)
            facts.prune_points.add(w)
            facts.jmp_points.add(w)
            return [w]
        facts.prune_points.add(t)
        facts.prune_points.add(insn.target(t))  # push_insn marks BRANCH targets
        facts.jmp_points.add(insn.target(t))
        if insn.op == JmpOp.JCOND:
            facts.force_checkpoints.add(t)
        return [t + 1, insn.target(t)]
    if isinstance(insn, LoadImm64) and insn.src == PSEUDO_FUNC:
        # visit_func_call_insn(visit_callee=true): the instruction, the one after it and the
        # callback's start are prune points; the walk goes on into the callback
        nxt, w = t + insn.slots, t + insn.imm + 1
        facts.prune_points.update((t, nxt, w))
        facts.jmp_points.update((nxt, w))
        return [nxt, w]
    return [t + insn.slots]


# --- static register liveness (compute_live_registers) ----------------------------------------

ALL_ARGS = 0b111110  # r1-r5
CALLER_SAVED = 0b111111  # r0-r5


def _bit(r: int) -> int:
    return 1 << r if r < 10 else 0


def use_def(insn: Insn, nargs: int = 5) -> tuple[int, int]:
    """(registers read, registers written) by one instruction; r10 is not tracked."""
    if isinstance(insn, Alu):
        d = _bit(insn.dst)
        if insn.op == AluOp.MOV:
            return (_bit(insn.src) if insn.source == Src.X else 0), d
        use = d | (_bit(insn.src) if insn.source == Src.X and insn.op not in (AluOp.NEG, AluOp.END) else 0)
        return use, d
    if isinstance(insn, LoadImm64):
        return 0, _bit(insn.dst)
    if isinstance(insn, LegacyLoad):
        use = _bit(6) | (_bit(insn.src) if insn.mode == Mode.IND else 0)
        return use, CALLER_SAVED
    if isinstance(insn, Load):
        return _bit(insn.src), _bit(insn.dst)
    if isinstance(insn, StoreImm):
        return _bit(insn.dst), 0
    if isinstance(insn, Store):
        use = _bit(insn.dst) | _bit(insn.src)
        d = 0
        if insn.is_atomic:
            if insn.imm == AtomicOp.CMPXCHG:
                use |= 1
                d = 1
            elif insn.imm & AtomicOp.FETCH or insn.imm == AtomicOp.XCHG:
                d = _bit(insn.src)
            elif insn.imm == 0x100:  # load-acquire: dst = *(src + off)
                return _bit(insn.src), _bit(insn.dst)
        return use, d
    if isinstance(insn, Jmp):
        if insn.op == JmpOp.EXIT:
            return 1, 0
        if insn.op == JmpOp.CALL:
            return ((1 << (nargs + 1)) - 2) & ALL_ARGS, CALLER_SAVED
        if insn.op in (JmpOp.JA, JmpOp.JCOND):  # may_goto reads no register
            return 0, 0
        return _bit(insn.dst) | (_bit(insn.src) if insn.source == Src.X else 0), 0
    return 0, 0


def compute_live_registers(prog: Program, nargs: Callable[[Insn], int] | None = None) -> list[int]:
    """live_regs_before[i]: registers some path from i may read before writing them.
    `nargs(call)` is the number of arguments a helper or kfunc call reads (default 5)."""
    n = len(prog.insns)
    live = [0] * n
    succs: list[list[int]] = [[] for _ in range(n)]
    for i, insn in prog.instructions():
        succs[i] = [w for w in _successors(prog, i) if 0 <= w < n]
        if isinstance(insn, Jmp) and insn.is_pseudo_call:
            succs[i] = [i + 1]
    def ud_of(insn: Insn) -> tuple[int, int]:
        if isinstance(insn, Imm64Tail):
            return 0, 0
        if isinstance(insn, LegacyLoad):
            # compute_insn_live_regs: `case BPF_LD | BPF_ABS/IND: stick with defaults`: every register
            # is used, none defined
            return 0x3FF, 0
        if nargs is not None and isinstance(insn, Jmp) and insn.is_call and not insn.is_pseudo_call:
            return use_def(insn, nargs(insn))
        return use_def(insn)

    ud = [ud_of(insn) for insn in prog.insns]
    changed = True
    while changed:
        changed = False
        for i in range(n - 1, -1, -1):
            if isinstance(prog.insns[i], Imm64Tail):
                continue
            out = 0
            for w in succs[i]:
                out |= live[w]
            use, d = ud[i]
            new = use | (out & ~d)
            if new != live[i]:
                live[i] = new
                changed = True
    return live


def format_live_regs(prog: Program, facts: ProgramFacts) -> list[str]:
    """The level-2 log's `Live regs before insn:` table."""
    from ..isa.printer_kernel import format_insn

    out = ["Live regs before insn:"]
    for i, insn in prog.instructions():
        mask = facts.live_before[i] if i < len(facts.live_before) else 0
        regs = "".join(str(r) if mask >> r & 1 else "." for r in range(10))
        scc = facts.scc_of.get(i)
        head = f"{scc:3d}" if scc else "   "
        out.append(f"{head} {i:3d}: {regs} {format_insn(insn, i)}")
    return out
