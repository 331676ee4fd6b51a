"""Bounded memory regions: map values, map keys, PTR_TO_MEM (check_mem_region_access, 6.18).

A pointer into a region of `mem_size` bytes may carry a fixed offset (`reg.off`, already folded
into `off` by the caller) and a variable part (`reg.scalar`); the access is checked at both ends
of the variable range, the messages naming which end failed.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..errors import VerifierError
from .regs import RegType
from .state import State

if TYPE_CHECKING:
    from .env import Env

EACCES = 13
S64_MIN = -(1 << 63)
BPF_MAX_VAR_OFF = 1 << 29

INVALID_MAP_KEY_ACCESS = "invalid access to map key, key_size={mem_size} off={off} size={size}"
INVALID_MAP_VALUE_ACCESS = "invalid access to map value, value_size={mem_size} off={off} size={size}"
INVALID_PKT_ACCESS = "invalid access to packet, off={off} size={size}, R{regno}(id={id},off={off},r={mem_size})"
INVALID_MEM_REGION_ACCESS = "invalid access to memory, mem_size={mem_size} off={off} size={size}"
MIN_VALUE_NEGATIVE = "R{regno} min value is negative, either use unsigned index or do a if (index >=0) check."
MIN_VALUE_OUTSIDE = "R{regno} min value is outside of the allowed memory range"
MAX_VALUE_OUTSIDE = "R{regno} max value is outside of the allowed memory range"
UNBOUNDED_MEM_ACCESS = "R{regno} unbounded memory access, make sure to bounds check any such access"


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >> 31 else v


def mem_access_error(state: State, regno: int, off: int, size: int, mem_size: int,
                     zero_size_allowed: bool) -> str | None:
    """__check_mem_access: the first error line, or None when [off, off+size) fits."""
    off = _s32(off)
    size_ok = size > 0 or (size == 0 and zero_size_allowed)
    if off >= 0 and size_ok and off + size <= mem_size:
        return None
    reg = state.reg(regno)
    if reg.type == RegType.PTR_TO_MAP_KEY and not reg.flags:
        return INVALID_MAP_KEY_ACCESS.format(mem_size=mem_size, off=off, size=size)
    if reg.type == RegType.PTR_TO_MAP_VALUE and not reg.flags:
        return INVALID_MAP_VALUE_ACCESS.format(mem_size=mem_size, off=off, size=size)
    if reg.type in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META, RegType.PTR_TO_PACKET_END) and not reg.flags:
        return INVALID_PKT_ACCESS.format(off=off, size=size, regno=regno, id=reg.id, mem_size=mem_size)
    return INVALID_MEM_REGION_ACCESS.format(mem_size=mem_size, off=off, size=size)


def check_mem_region_access(env: Env, state: State, insn_idx: int, regno: int, off: int, size: int,
                            mem_size: int, zero_size_allowed: bool) -> None:
    """check_mem_region_access: `off` includes reg->off; the variable part comes from the reg."""
    reg = state.reg(regno)
    smin, umax = reg.scalar.smin, reg.scalar.umax
    if smin < 0 and (smin == S64_MIN or off + smin != _s32(off + smin) or smin + off < 0):
        raise VerifierError(insn_idx, [MIN_VALUE_NEGATIVE.format(regno=regno)], EACCES)
    e = mem_access_error(state, regno, smin + off, size, mem_size, zero_size_allowed)
    if e:
        raise VerifierError(insn_idx, [e, MIN_VALUE_OUTSIDE.format(regno=regno)], EACCES)
    if umax >= BPF_MAX_VAR_OFF:
        raise VerifierError(insn_idx, [UNBOUNDED_MEM_ACCESS.format(regno=regno)], EACCES)
    e = mem_access_error(state, regno, umax + off, size, mem_size, zero_size_allowed)
    if e:
        raise VerifierError(insn_idx, [e, MAX_VALUE_OUTSIDE.format(regno=regno)], EACCES)


def check_map_access(env: Env, state: State, insn_idx: int, regno: int, off: int, size: int,
                     zero_size_allowed: bool) -> None:
    """check_map_access: the value region (special BTF fields are not modelled: MapDef has none)."""
    reg = state.reg(regno)
    assert reg.map is not None, "PTR_TO_MAP_VALUE without its MapDef"
    check_mem_region_access(env, state, insn_idx, regno, off, size, reg.map.value_size, zero_size_allowed)
