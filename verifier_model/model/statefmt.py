"""The bridge between the explorer and the state printer (model/vlog.py): registers and stack
slots as the 6.18 log prints them. `regs`/`slots` restrict the output to what an instruction
touched (print_insn_state); None prints the whole state (print_verifier_state, print_all)."""
from __future__ import annotations

from typing import Any

from .memory import reg_type_str
from .regs import Reg, RegType
from .scalar import scalar_str, snum, unum
from .state import SlotKind, State


def state_str(state: State, *, regs: set[int] | None = None, slots: set[int] | None = None, env: Any = None) -> str:
    try:
        from . import vlog  # the full printer, when present
    except ImportError:
        vlog = None  # type: ignore[assignment]
    if vlog is not None and hasattr(vlog, "state_str"):
        try:
            return vlog.state_str(state, regs=regs, slots=slots)  # type: ignore[no-any-return]
        except TypeError:
            pass
    return _fallback(state, regs, slots)


def reg_text(reg: Reg) -> str:
    t = reg.type
    if t == RegType.SCALAR_VALUE:
        if reg.id & ((1 << 31) | (1 << 30)):
            return scalar_str(reg.scalar, id=reg.id & ~((1 << 31) | (1 << 30)), precise=reg.precise,
                              add_const_off=reg.off)
        return scalar_str(reg.scalar, id=reg.id, precise=reg.precise)
    if t == RegType.PTR_TO_STACK and not reg.id and not reg.ref_obj_id:
        return f"fp{reg.off}" if reg.off else "fp0"
    name = reg_type_str(t, reg.flags)
    if t == RegType.PTR_TO_BTF_ID and reg.btf is not None:
        name += reg.btf.name
    parts = []
    if reg.id:
        parts.append(f"id={reg.id}")
    if reg.ref_obj_id:
        parts.append(f"ref_obj_id={reg.ref_obj_id}")
    if reg.map is not None:
        parts.append(f"map={reg.map.name}")
        parts.append(f"ks={reg.map.key_size}")
        parts.append(f"vs={reg.map.value_size}")
    if reg.off:
        parts.append(f"off={reg.off}")
    if t in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
        parts.append(f"r={unum(reg.range)}")
    v = reg.scalar
    if v.var_off.mask == 0:
        if v.var_off.value:
            parts.append(f"imm={snum(v.var_off.value)}")
    else:
        body = v.fmt()
        if body:
            parts.append(body)
    return f"{name}({','.join(parts)})"


def _slot_text(slot: Any) -> str | None:
    kinds = slot.kinds
    if all(k == SlotKind.INVALID for k in kinds):
        return None
    if kinds[-1] == SlotKind.SPILL:  # is_spilled_reg: the bytes before the spill, then the register
        prefix = ""
        for k in kinds:
            if k == SlotKind.SPILL:
                break
            prefix += k.char
        r = slot.spilled
        if r.type == RegType.SCALAR_VALUE and r.scalar.var_off.mask == 0:
            return prefix + ("P" if r.precise else "") + str(snum(r.scalar.var_off.value))
        return prefix + reg_text(r)
    return "".join(k.char for k in kinds)


def _fallback(state: State, regs: set[int] | None, slots: set[int] | None) -> str:
    out = []
    for fi, fr in enumerate(state.frames):
        if regs is not None and fi != len(state.frames) - 1:
            continue
        items = []
        for i, r in enumerate(fr.regs):
            if r.type == RegType.NOT_INIT:
                continue
            if regs is not None and i not in regs:
                continue
            items.append(f"R{i}={reg_text(r)}")
        for spi, slot in enumerate(fr.stack):
            if slots is not None and spi not in slots:
                continue
            t = _slot_text(slot)
            if t is not None:
                items.append(f"fp{-8 * (spi + 1)}={t}")
        if fi and regs is None:
            out.append(f"frame{fi}:")
        out.extend(items)
    if state.refs:
        out.append("refs=" + ",".join(str(r.id) for r in state.refs))
    return " ".join(out)
