"""The program BTF a loader passes with func_info, and the subprogram signatures it encodes.

The kernel splits a program into subprograms at insn 0, at every bpf-to-bpf call target and at
every `ld_imm64 src=BPF_PSEUDO_FUNC` target (add_subprog_and_kfunc). With func_info, each
subprogram gets a BTF FUNC (name, linkage) and FUNC_PROTO. Static subprograms' prototypes are
only used for names here; a global subprogram is verified on its own from its prototype
(btf_prepare_func_args), so its parameters decide the verdict: each is either the program's
context pointer (`struct xdp_md *`, `struct __sk_buff *`, ...) or a scalar (`int`).

Assembly input carries no prototypes, so `subprogs()` infers them (the model must use the same
function to see what the kernel sees): a parameter per argument register R1..R5 up to the last
one read before being written in the subprogram; a parameter is the ctx pointer when the value
it arrives with is used as a memory base or passed in R1 to a call, else `int`. Static
subprograms get `int f(void)` so the kernel's argument matching has nothing to complain about.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from ..isa.insn import Alu, Imm64Tail, Insn, Jmp, LegacyLoad, Load, LoadImm64, Store, StoreImm
from ..isa.opcodes import PSEUDO_CALL, PSEUDO_FUNC, AluOp, AtomicOp, JmpOp, ProgType, Src
from ..program import Program
from .types import Linkage, Param
from .writer import BtfBuilder

# The user-visible ctx struct per program type (bpf_ctx_convert in kernel/bpf/btf.c)
CTX_TYPE_NAMES: dict[int, str] = {
    ProgType.SOCKET_FILTER: "__sk_buff",
    ProgType.KPROBE: "pt_regs",
    ProgType.SCHED_CLS: "__sk_buff",
    ProgType.SCHED_ACT: "__sk_buff",
    ProgType.XDP: "xdp_md",
    ProgType.PERF_EVENT: "bpf_perf_event_data",
    ProgType.CGROUP_SKB: "__sk_buff",
}

CTX = "ctx"
SCALAR = "int"
ARG_REGS = (1, 2, 3, 4, 5)


@dataclass(frozen=True, slots=True)
class Subprog:
    start: int
    end: int  # one past the last slot
    name: str
    linkage: str = "static"  # 'static' | 'global'
    params: tuple[str, ...] = ()  # CTX or SCALAR, for R1.. in order

    @property
    def is_global(self) -> bool:
        return self.linkage == "global"


def subprog_starts(program: Program) -> list[int]:
    """Subprogram start slots as the kernel finds them (sorted, 0 first)."""
    starts = {0}
    for idx, insn in program.instructions():
        is_call = isinstance(insn, Jmp) and insn.is_call and insn.src == PSEUDO_CALL
        is_func_ref = isinstance(insn, LoadImm64) and insn.src == PSEUDO_FUNC
        if is_call or is_func_ref:
            starts.add(idx + insn.imm + 1)
    return sorted(s for s in starts if 0 <= s < len(program.insns))


def subprogs(program: Program) -> list[Subprog]:
    """Every subprogram with its name, linkage and (inferred) parameters."""
    starts = subprog_starts(program)
    declared = {f.insn: f for f in program.funcs}
    label_at = {idx: name for name, idx in program.labels.items()}
    out: list[Subprog] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(program.insns)
        decl = declared.get(start)
        if start == 0:
            name, linkage = program.name, "global"
        else:
            name = decl.name if decl else label_at.get(start, f"func_{start}")
            linkage = decl.linkage if decl else "static"
        params: tuple[str, ...] = ()
        if start == 0:
            params = (CTX,)
        elif linkage == "global":
            explicit = getattr(decl, "params", None)
            params = tuple(explicit) if explicit is not None else infer_params(program.insns[start:end])
        out.append(Subprog(start, end, _identifier(name), linkage, params))
    return out


def build_prog_btf(program: Program) -> tuple[bytes, list[tuple[int, int]]]:
    """The BTF blob and the func_info records (insn_off, FUNC type id) for `program`."""
    b = BtfBuilder()
    int_id = b.add_int("int", 4)
    ctx_ptr = 0
    subs = subprogs(program)
    if any(CTX in s.params for s in subs):
        ctx_name = CTX_TYPE_NAMES.get(program.prog_type, "__sk_buff")
        ctx_ptr = b.add_ptr(b.add_struct(ctx_name, 0))
    records: list[tuple[int, int]] = []
    for s in subs:
        params = [
            Param(f"arg{i}" if p != CTX else "ctx", ctx_ptr if p == CTX else int_id)
            for i, p in enumerate(s.params)
        ]
        proto = b.add_func_proto(int_id, params)
        linkage = Linkage.GLOBAL if s.is_global else Linkage.STATIC
        records.append((s.start, b.add_func(s.name, proto, linkage)))
    return b.to_bytes(), records


def infer_params(body: tuple[Insn, ...]) -> tuple[str, ...]:
    """A global subprogram's parameters from its body (offsets relative to its start)."""
    live = _live_in(body)
    nargs = max((r for r in ARG_REGS if r in live), default=0)
    return tuple(CTX if _used_as_pointer(body, r) else SCALAR for r in range(1, nargs + 1))


def _uses_defs(insn: Insn) -> tuple[set[int], set[int]]:
    """Registers an instruction reads and writes (calls read nothing: their arity is unknown
    here, and clobber R0-R5)."""
    match insn:
        case Alu():
            src = {insn.src} if insn.source == Src.X and insn.op != AluOp.END else set()
            dst_use = set() if insn.op == AluOp.MOV else {insn.dst}
            return dst_use | src, {insn.dst}
        case Jmp() if insn.is_call:
            return set(), {0, 1, 2, 3, 4, 5}
        case Jmp() if insn.is_exit:
            return {0}, set()
        case Jmp() if insn.op == JmpOp.JA:
            return set(), set()
        case Jmp():
            return {insn.dst} | ({insn.src} if insn.source == Src.X else set()), set()
        case LoadImm64():
            return set(), {insn.dst}
        case LegacyLoad():
            return {6} | ({insn.src} if insn.mode == 0x40 else set()), {0, 1, 2, 3, 4, 5}
        case Load():
            return {insn.src}, {insn.dst}
        case StoreImm():
            return {insn.dst}, set()
        case Store() if insn.is_atomic:
            defs = {0} if insn.imm == AtomicOp.CMPXCHG else ({insn.src} if insn.fetches else set())
            return {insn.dst, insn.src} | ({0} if insn.imm == AtomicOp.CMPXCHG else set()), defs
        case Store():
            return {insn.dst, insn.src}, set()
    return set(), set()


def _successors(body: tuple[Insn, ...], i: int) -> list[int]:
    insn = body[i]
    nxt = i + insn.slots
    if isinstance(insn, Jmp):
        if insn.is_exit:
            return []
        if insn.is_call:
            return [nxt]
        target = insn.target(i)
        return [target] if insn.op == JmpOp.JA else [nxt, target]
    return [nxt]


def _live_in(body: tuple[Insn, ...]) -> set[int]:
    """Registers live at the subprogram's entry (backward liveness to a fixpoint)."""
    idxs = [i for i, insn in enumerate(body) if not isinstance(insn, Imm64Tail)]
    live: dict[int, frozenset[int]] = {i: frozenset() for i in idxs}
    changed = True
    while changed:
        changed = False
        for i in reversed(idxs):
            uses, defs = _uses_defs(body[i])
            out: set[int] = set()
            for s in _successors(body, i):
                out |= live.get(s, frozenset())
            new = frozenset(uses | (out - defs))
            if new != live[i]:
                live[i] = new
                changed = True
    return set(live[idxs[0]]) if idxs else set()


def _used_as_pointer(body: tuple[Insn, ...], reg: int) -> bool:
    """Is the value `reg` holds at entry (or a copy of it) dereferenced or passed in R1 to a
    call, before it is overwritten? Followed in program order, ignoring branches."""
    holders = {reg}
    for insn in body:
        if isinstance(insn, Imm64Tail):
            continue
        if isinstance(insn, Load) and insn.src in holders:
            return True
        if isinstance(insn, (Store, StoreImm)) and insn.dst in holders:
            return True
        if isinstance(insn, Jmp) and insn.is_call and 1 in holders:
            return True
        _, defs = _uses_defs(insn)
        copy = isinstance(insn, Alu) and insn.op == AluOp.MOV and insn.source == Src.X and insn.is64
        if copy and insn.src in holders:
            holders.add(insn.dst)
        else:
            holders -= defs
        if not holders:
            return False
    return False


def _identifier(name: str) -> str:
    """A BTF-valid identifier (btf_name_valid_identifier)."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", name) or "func"
    return name if not name[0].isdigit() else "_" + name


__all__ = [
    "CTX",
    "CTX_TYPE_NAMES",
    "SCALAR",
    "Subprog",
    "build_prog_btf",
    "infer_params",
    "subprog_starts",
    "subprogs",
]
