"""Direct packet access: range checks, range discovery by pointer comparison, invalidation.

Models check_packet_access, may_access_direct_pkt_data, find_good_pkt_pointers,
try_match_pkt_pointers, mark_pkt_end, is_pkt_ptr_branch_taken and clear_all_pkt_pointers
(kernel/bpf/verifier.c, 6.18). `Reg.range` is the number of bytes proven readable from the
pointer's fixed offset 0 of its id group; -1 (AT_PKT_END) / -2 (BEYOND_PKT_END) mark a pointer
known to be at / beyond data_end.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import VerifierError
from ..isa.insn import Insn, Jmp
from ..isa.opcodes import JmpOp, ProgType, Src
from .regs import Reg, RegType
from .state import State

if TYPE_CHECKING:
    from .env import Env

EACCES = 13
EINVAL = 22
MAX_PACKET_OFF = 0xFFFF
AT_PKT_END = -1
BEYOND_PKT_END = -2

PKT_OFFSET_OUTSIDE = "R{regno} offset is outside of the packet"
PKT_MIN_NEGATIVE = "R{regno} min value is negative, either use unsigned index or do a if (index >=0) check."

_READ_ONLY_TYPES = {ProgType.CGROUP_SKB, 10, 11, 12, 21, 22}  # cgroup_skb, lwt_in/out/seg6local, sk_reuseport, flow_dissector
_READ_WRITE_TYPES = {ProgType.SCHED_CLS, ProgType.SCHED_ACT, ProgType.XDP, 13, 14, 16}  # lwt_xmit, sk_skb, sk_msg
_PKT_TYPES = (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META)


def may_access_direct_pkt_data(env: Env, meta_pkt_access: bool | None, *, write: bool) -> bool:
    """may_access_direct_pkt_data; `meta_pkt_access` is the helper proto's pkt_access (None for
    an instruction access)."""
    pt = env.prog.prog_type
    if pt in _READ_ONLY_TYPES and write:
        return False
    if pt in _READ_ONLY_TYPES or pt in _READ_WRITE_TYPES:
        return bool(meta_pkt_access) if meta_pkt_access is not None else True
    return pt == 30  # BPF_PROG_TYPE_CGROUP_SOCKOPT


def check_packet_access(env: Env, state: State, insn_idx: int, regno: int, off: int, size: int,
                        zero_size_allowed: bool) -> None:
    """check_packet_access (6.18): only the fixed offset `off` is checked against reg->range."""
    from .maps import mem_access_error

    reg = state.reg(regno)
    if reg.scalar.smin < 0:
        raise VerifierError(insn_idx, [PKT_MIN_NEGATIVE.format(regno=regno)], EACCES)
    if reg.range < 0:
        raise VerifierError(insn_idx, [PKT_OFFSET_OUTSIDE.format(regno=regno)], EINVAL)
    e = mem_access_error(state, regno, off, size, reg.range, zero_size_allowed)
    if e:
        raise VerifierError(insn_idx, [e, PKT_OFFSET_OUTSIDE.format(regno=regno)], EACCES)


def map_regs(state: State, fn: Callable[[Reg], Reg]) -> State:
    """bpf_for_each_reg_in_vstate: apply fn to every register and spilled register of every frame."""
    from .stack import is_spilled_reg

    frames = []
    for fr in state.frames:
        regs = tuple(fn(r) for r in fr.regs)
        stack = tuple(replace(s, spilled=fn(s.spilled)) if is_spilled_reg(s) else s for s in fr.stack)
        frames.append(replace(fr, regs=regs, stack=stack))
    return replace(state, frames=tuple(frames))


def find_good_pkt_pointers(state: State, dst: Reg, range_right_open: bool) -> State:
    """Every pointer of dst's type and id learns range dst.off, or dst.off + 1 when the comparison
    was strict (pkt' < end: the byte at pkt' is inside too; measured on 6.18)."""
    if dst.off < 0 or (dst.off == 0 and range_right_open):
        return state
    if dst.scalar.umax > MAX_PACKET_OFF or dst.scalar.umax + dst.off > MAX_PACKET_OFF:
        return state
    new_range = dst.off + 1 if range_right_open else dst.off

    def upd(r: Reg) -> Reg:
        if r.type == dst.type and not r.flags and r.id == dst.id and new_range > r.range:
            return replace(r, range=new_range)
        return r

    return map_regs(state, upd)


def mark_pkt_end(state: State, regno: int, range_open: bool) -> State:
    reg = state.reg(regno)
    if reg.type != RegType.PTR_TO_PACKET:
        return state  # PTR_TO_PACKET_META is not supported
    return state.with_reg(regno, replace(reg, range=BEYOND_PKT_END if range_open else AT_PKT_END))


def _is_init_pkt_pointer(reg: Reg, t: RegType) -> bool:  # reg_is_init_pkt_pointer
    return reg.type == t and reg.off == 0 and reg.scalar.var_off.is_const() and reg.scalar.var_off.value == 0


# (op, dst-is-pkt) -> (relation holding on the taken edge, relation on the fall-through edge),
# relation of the *packet pointer* to the end marker: '<=', '<', '>', '>='.
_RELATIONS = {
    JmpOp.JGT: ((">", "<="), ("<", ">=")),
    JmpOp.JLT: (("<", ">="), (">", "<=")),
    JmpOp.JGE: ((">=", "<"), ("<=", ">")),
    JmpOp.JLE: (("<=", ">"), (">=", "<")),
}


def _apply(state: State, rel: str, pkt: Reg, pkt_regno: int) -> State:
    if rel == "<=":
        return find_good_pkt_pointers(state, pkt, False)
    if rel == "<":
        return find_good_pkt_pointers(state, pkt, True)
    if rel == ">":
        return mark_pkt_end(state, pkt_regno, True)
    return mark_pkt_end(state, pkt_regno, False)


def try_match_pkt_pointers(env: Env, insn: Insn, dst_reg: Reg, src_reg: Reg, this_branch: State,
                           other_branch: State) -> tuple[State, State] | None:
    """try_match_pkt_pointers: `this_branch` is the fall-through state, `other_branch` the
    jump-taken one. Returns the refined (this_branch, other_branch), or None when the comparison
    is not a packet-range check (the caller then applies the pointer-comparison rules)."""
    if not isinstance(insn, Jmp) or insn.source != Src.X or insn.is32:
        return None
    op = insn.op
    if op not in _RELATIONS:
        return None
    if (dst_reg.type == RegType.PTR_TO_PACKET and src_reg.type == RegType.PTR_TO_PACKET_END) or (
            dst_reg.type == RegType.PTR_TO_PACKET_META and _is_init_pkt_pointer(src_reg, RegType.PTR_TO_PACKET)):
        taken, fall = _RELATIONS[op][0]
        pkt, pkt_regno = dst_reg, insn.dst
    elif (dst_reg.type == RegType.PTR_TO_PACKET_END and src_reg.type == RegType.PTR_TO_PACKET) or (
            _is_init_pkt_pointer(dst_reg, RegType.PTR_TO_PACKET) and src_reg.type == RegType.PTR_TO_PACKET_META):
        taken, fall = _RELATIONS[op][1]
        pkt, pkt_regno = src_reg, insn.src
    else:
        return None
    return _apply(this_branch, fall, pkt, pkt_regno), _apply(other_branch, taken, pkt, pkt_regno)


def is_pkt_ptr_branch_taken(dst_reg: Reg, src_reg: Reg, op: JmpOp) -> int:
    """is_pkt_ptr_branch_taken: 1 / 0 when a pkt-vs-pkt_end comparison is decided by an earlier
    check that put the pointer at or beyond the end, -1 otherwise."""
    if src_reg.type == RegType.PTR_TO_PACKET_END:
        pkt = dst_reg
    elif dst_reg.type == RegType.PTR_TO_PACKET_END:
        pkt = src_reg
        op = {JmpOp.JGT: JmpOp.JLT, JmpOp.JLT: JmpOp.JGT, JmpOp.JGE: JmpOp.JLE,
              JmpOp.JLE: JmpOp.JGE}.get(op, op)
    else:
        return -1
    if pkt.range >= 0:
        return -1
    if op in (JmpOp.JLE, JmpOp.JGT) and pkt.range == BEYOND_PKT_END:
        return int(op == JmpOp.JGT)
    if op in (JmpOp.JLT, JmpOp.JGE) and pkt.range in (BEYOND_PKT_END, AT_PKT_END):
        return int(op == JmpOp.JGE)
    return -1


def clear_all_pkt_pointers(state: State, env: Env | None = None) -> State:
    """Packet data may have moved: every packet pointer becomes invalid (mark_reg_invalid)."""
    from .memory import mark_reg_invalid, unknown_reg

    def upd(r: Reg) -> Reg:
        if r.type in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META, RegType.PTR_TO_PACKET_END):
            return mark_reg_invalid(env, r) if env is not None else unknown_reg()
        return r

    return map_regs(state, upd)
