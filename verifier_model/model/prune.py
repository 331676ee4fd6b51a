"""State equivalence for pruning (states_equal, regsafe, stacksafe, refsafe) and the
helpers the loop check uses (states_maybe_looping)."""
from __future__ import annotations

from enum import IntEnum

from .regs import Reg, RegType
from .scalar import Scalar
from .state import BPF_REG_SIZE, Frame, SlotKind, StackSlot, State

_ADD_CONST = (1 << 31) | (1 << 30)


class Exact(IntEnum):
    NOT_EXACT = 0
    RANGE_WITHIN = 1
    EXACT = 2


class IdMap:
    def __init__(self) -> None:
        self.map: dict[int, int] = {}
        self.rev: dict[int, int] = {}
        self.tmp = 1 << 40

    def check_ids(self, old: int, cur: int) -> bool:
        if not old:
            return not cur
        if not cur:
            return False
        return self._pair(old, cur)

    def check_scalar_ids(self, old: int, cur: int) -> bool:
        """An old scalar without id relied on no link: any cur is fine ("bpf: Relax scalar id
        equivalence for state pruning", in 6.18 stable). A linked old one needs a consistent
        mapping, for the delta-linked id and for its base id alike ("bpf: Enforce regsafe base id
        consistency for BPF_ADD_CONST scalars")."""
        if not old:
            return True
        if not cur:
            self.tmp += 1
            cur = self.tmp
        if not self._pair(old, cur):
            return False
        if old & _ADD_CONST:
            return self._pair(old & ~_ADD_CONST, cur & ~_ADD_CONST)
        return True

    def _pair(self, old: int, cur: int) -> bool:
        if old in self.map:
            return self.map[old] == cur
        if cur in self.rev:
            return False
        self.map[old] = cur
        self.rev[cur] = old
        return True


def _range_within(old: Scalar, cur: Scalar) -> bool:
    return (old.umin <= cur.umin and old.umax >= cur.umax and old.smin <= cur.smin and old.smax >= cur.smax
            and old.u32_min <= cur.u32_min and old.u32_max >= cur.u32_max
            and old.s32_min <= cur.s32_min and old.s32_max >= cur.s32_max)


def _tnum_in(a: Scalar, b: Scalar) -> bool:
    """tnum_in(a, b): is b a subset of a?"""
    ta, tb = a.var_off, b.var_off
    if tb.mask & ~ta.mask:
        return False
    return (tb.value & ~ta.mask) == ta.value


def _same_head(a: Reg, b: Reg) -> bool:
    """memcmp up to var_off: type, flags, off and the type's union (map, range, btf ...)."""
    return (a.type == b.type and a.flags == b.flags and a.off == b.off and a.map == b.map and a.range == b.range
            and a.btf == b.btf and a.mem_size == b.mem_size and a.subprogno == b.subprogno)


def regs_exact(old: Reg, cur: Reg, idmap: IdMap) -> bool:
    return (_same_head(old, cur) and old.scalar == cur.scalar and idmap.check_ids(old.id, cur.id)
            and idmap.check_ids(old.ref_obj_id, cur.ref_obj_id) and old.frameno == cur.frameno)


def regsafe(old: Reg, cur: Reg, idmap: IdMap, exact: Exact) -> bool:
    if exact == Exact.EXACT:
        return regs_exact(old, cur, idmap)
    if old.type == RegType.NOT_INIT:
        if exact == Exact.NOT_EXACT or cur.type == RegType.NOT_INIT:
            return True
    if old.type != cur.type or old.flags != cur.flags:
        return False
    t = old.type
    if t == RegType.SCALAR_VALUE:
        if not old.precise and exact == Exact.NOT_EXACT:
            return True
        # linking in cur only adds constraints when old has no id; a linked old needs the same kind
        # of link (plain or with a delta, and then the same delta) and a consistent id mapping
        if old.id and (old.id & _ADD_CONST) != (cur.id & _ADD_CONST):
            return False
        if old.id & _ADD_CONST and old.off != cur.off:
            return False
        if not idmap.check_scalar_ids(old.id, cur.id):
            return False
        return _range_within(old.scalar, cur.scalar) and _tnum_in(old.scalar, cur.scalar)
    if t in (RegType.PTR_TO_MAP_KEY, RegType.PTR_TO_MAP_VALUE, RegType.PTR_TO_MEM, RegType.PTR_TO_BUF,
             RegType.PTR_TO_TP_BUFFER):
        return (_same_head(old, cur) and _range_within(old.scalar, cur.scalar) and _tnum_in(old.scalar, cur.scalar)
                and idmap.check_ids(old.id, cur.id) and idmap.check_ids(old.ref_obj_id, cur.ref_obj_id))
    if t in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
        if old.range > cur.range or old.off != cur.off:
            return False
        if not idmap.check_ids(old.id, cur.id):
            return False
        return _range_within(old.scalar, cur.scalar) and _tnum_in(old.scalar, cur.scalar)
    if t == RegType.PTR_TO_STACK:
        return regs_exact(old, cur, idmap)
    if t == RegType.PTR_TO_ARENA:
        return True
    return regs_exact(old, cur, idmap)


_UNBOUND = Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.unknown())


def _scalar_for_stack(slot: StackSlot, allow_uninit: bool) -> Reg | None:
    if slot.kinds[0] == SlotKind.SPILL and slot.spilled.type == RegType.SCALAR_VALUE and all(
            k == SlotKind.SPILL for k in slot.kinds):
        return slot.spilled
    if all(k == SlotKind.MISC or (allow_uninit and k == SlotKind.INVALID) for k in slot.kinds):
        return _UNBOUND
    return None


def stacksafe(old: Frame, cur: Frame, idmap: IdMap, exact: Exact, allow_uninit: bool,
              slot_types_exact_only: bool = False) -> bool:
    """`slot_types_exact_only`: the later 6.18.44 build (profile field of that name, measured)
    compares slot types byte for byte under EXACT only, not under RANGE_WITHIN."""
    strict = Exact.EXACT if slot_types_exact_only else Exact.RANGE_WITHIN
    n_old = len(old.stack) * BPF_REG_SIZE
    n_cur = len(cur.stack) * BPF_REG_SIZE
    i = 0
    while i < n_old:
        spi, b = divmod(i, BPF_REG_SIZE)
        os = old.stack[spi]
        ok = os.kinds[b]
        if exact >= strict and (i >= n_cur or ok != cur.stack[spi].kinds[b]):  # 6.18: RANGE_WITHIN too
            return False
        if ok == SlotKind.INVALID:
            i += 1
            continue
        if allow_uninit and ok == SlotKind.MISC:
            i += 1
            continue
        if i >= n_cur:
            return False
        cs = cur.stack[spi]
        o_reg = _scalar_for_stack(os, allow_uninit)
        c_reg = _scalar_for_stack(cs, allow_uninit)
        if o_reg is not None and c_reg is not None:
            if not regsafe(o_reg, c_reg, idmap, exact):
                return False
            i = (spi + 1) * BPF_REG_SIZE
            continue
        ck = cs.kinds[b]
        if ok == SlotKind.MISC and ck == SlotKind.ZERO:
            i += 1
            continue
        if ok != ck:
            return False
        if b != BPF_REG_SIZE - 1:
            i += 1
            continue
        if os.kinds[BPF_REG_SIZE - 1] == SlotKind.SPILL:
            if not regsafe(os.spilled, cs.spilled, idmap, exact):
                return False
        i += 1
    return True


def refsafe(old: State, cur: State, idmap: IdMap) -> bool:
    if len(old.refs) != len(cur.refs):
        return False
    for a, b in zip(old.refs, cur.refs):
        if a.kind != b.kind or not idmap.check_ids(a.id, b.id):
            return False
    return True


def states_equal(old: State, cur: State, exact: Exact, live_masks: list[int], allow_uninit: bool,
                 slot_types_exact_only: bool = False) -> bool:
    """`live_masks[i]`: registers (bit per r0..r9) live in frame i; r10 is always compared."""
    if len(old.frames) != len(cur.frames):
        return False
    if old.speculative and not cur.speculative:
        return False
    idmap = IdMap()
    if not refsafe(old, cur, idmap):
        return False
    for i, (fo, fc) in enumerate(zip(old.frames, cur.frames)):
        if fo.callsite != fc.callsite:
            return False
        if fo.callback_depth > fc.callback_depth:  # func_states_equal: fewer bpf_loop rounds explored
            return False
        live = live_masks[i] | (1 << 10)
        for r in range(11):
            if not (live >> r) & 1:
                continue
            if not regsafe(fo.regs[r], fc.regs[r], idmap, exact):
                return False
        if not stacksafe(fo, fc, idmap, exact, allow_uninit, slot_types_exact_only):
            return False
    return True


def states_maybe_looping(old: State, cur: State) -> bool:
    if len(old.frames) != len(cur.frames):
        return False
    fo, fc = old.frames[-1], cur.frames[-1]
    for a, b in zip(fo.regs, fc.regs):
        if not (_same_head(a, b) and a.scalar == b.scalar and a.id == b.id and a.ref_obj_id == b.ref_obj_id):
            return False
    return True
