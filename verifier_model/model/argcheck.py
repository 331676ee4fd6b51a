"""Memory arguments of helpers and kfuncs: check_helper_mem_access, check_mem_size_reg,
check_stack_range_initialized, check_mem_reg, check_kfunc_mem_size_reg (kernel/bpf/verifier.c 6.18).

Every function takes (env, state, ...) and returns the new State (a helper that may write into a
stack buffer clobbers it: ZERO bytes and spilled scalars there become MISC) or raises
VerifierError with the kernel's lines. `access_type` is 'read' or 'write': kfunc memory is checked
for both, one after the other, which is what makes the after-call stack contents unknown.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..errors import VerifierError
from ..program import MapDef
from .regs import RegFlag, RegType
from .state import SlotKind, StackSlot, State

if TYPE_CHECKING:
    from .env import Env

EACCES = 13
EFAULT = 14
BPF_MAX_VAR_SIZ = 1 << 29

INVALID_ZERO_SIZED_READ = "invalid zero-sized read"
VAR_OFF_STACK_UNPRIV = "R{regno} variable offset stack access prohibited for !root, var_off={var_off}"
ALLOCATED_STACK_TOO_SMALL = "allocated_stack too small"
INVALID_STACK_READ_CONST = "invalid read from stack R{regno} off {off}+{i} size {size}"
INVALID_STACK_READ_VAR = "invalid read from stack R{regno} var_off {var_off}+{i} size {size}"
TYPE_EXPECTED_FP = "R{regno} type={type} expected=fp"
SIZE_MIN_NEGATIVE = "R{regno} min value is negative, either use unsigned or 'var &= const'"
SIZE_ZERO = "R{regno} invalid zero-sized read: u64=[{umin},{umax}]"
SIZE_UNBOUNDED = "R{regno} unbounded memory access, use 'var &= const' or 'if (var < const)'"
CANNOT_WRITE_INTO = "R{regno} cannot write into {type}"


@dataclass
class CallArgMeta:
    """struct bpf_call_arg_meta (the fields the model uses)."""

    func_id: int = 0
    map: MapDef | None = None
    raw_mode: bool = False
    pkt_access: bool = False
    release_regno: int = 0
    regno: int = 0
    access_size: int = 0
    ref_obj_id: int = 0
    subprogno: int = -1
    msize_max_value: int = 0
    const_map_key: int = -1


def _idx(state: State, insn_idx: int | None) -> int:
    return state.insn_idx if insn_idx is None else insn_idx


def check_stack_range_initialized(env: Env, state: State, regno: int, off: int, access_size: int,
                                  zero_size_allowed: bool, *, access_type: str = "read",
                                  meta: CallArgMeta | None = None, insn_idx: int | None = None) -> State:
    """Every byte of [reg + off, reg + off + access_size) must be on the stack and, unless the loader
    may read uninitialised stack, initialised. Writes (access_type 'write') clobber the range."""
    from .memory import tnum_strn, unknown_reg
    from .stack import check_stack_access_within_bounds, is_spilled_reg, slot_of

    idx = _idx(state, insn_idx)
    reg = state.reg(regno)
    clobber = access_type == "write"
    if access_size == 0 and not zero_size_allowed:
        raise VerifierError(idx, [INVALID_ZERO_SIZED_READ], EACCES)
    state = check_stack_access_within_bounds(env, state, idx, regno, off, access_size, clobber)
    var = reg.scalar.var_off
    if var.is_const():
        v = var.value - (1 << 64) if var.value >> 63 else var.value
        min_off = max_off = v + off
    else:
        if not env.profile.bypass_spec_v1:
            raise VerifierError(idx, [VAR_OFF_STACK_UNPRIV.format(regno=regno, var_off=tnum_strn(var))], EACCES)
        if meta is not None and meta.raw_mode:
            meta = None
        min_off = reg.scalar.smin + off
        max_off = reg.scalar.smax + off
    if meta is not None and meta.raw_mode:
        meta.access_size = access_size
        meta.regno = regno
        return state
    frameno = reg.frameno
    lv = env.liveness
    for i in range(min_off, max_off + access_size):
        spi, j = slot_of(i)
        frame = state.frames[frameno]
        if frame.allocated_stack <= -i - 1:
            raise VerifierError(idx, [ALLOCATED_STACK_TOO_SMALL], EFAULT)
        slot = frame.stack[spi]
        k = slot.kinds[j]
        if k == SlotKind.MISC:
            pass
        elif k == SlotKind.ZERO or (k == SlotKind.INVALID and env.profile.allow_uninit_stack):
            if clobber:
                kinds = list(slot.kinds)
                kinds[j] = SlotKind.MISC
                state = state.with_frame(frame.with_slot(spi, replace(slot, kinds=tuple(kinds))), frameno)
        elif is_spilled_reg(slot) and (slot.spilled.type == RegType.SCALAR_VALUE or env.profile.allow_ptr_leaks) and (
                k == SlotKind.SPILL or not getattr(env.profile, "stack_range_bytewise", False)):
            # (the later 6.18.44 build, measured: an uninitialised byte of a partly spilled slot
            # is not covered by the spill)
            if clobber:
                scrubbed = tuple(kk if kk == SlotKind.INVALID else SlotKind.MISC for kk in slot.kinds)
                state = state.with_frame(frame.with_slot(spi, StackSlot(scrubbed, unknown_reg())), frameno)
        else:
            if var.is_const():
                msg = INVALID_STACK_READ_CONST.format(regno=regno, off=min_off, i=i - min_off, size=access_size)
            else:
                msg = INVALID_STACK_READ_VAR.format(regno=regno, var_off=tnum_strn(var), i=i - min_off,
                                                    size=access_size)
            raise VerifierError(idx, [msg], EACCES)
        # mark: reading any byte of the slot reads the whole slot (bpf_mark_stack_read); a helper's
        # write is no full-slot write, so nothing is marked written
        if lv is not None:
            lv.mark_stack_read(frameno, idx, 1 << spi)
    return state


def check_helper_mem_access(env: Env, state: State, regno: int, access_size: int, zero_size_allowed: bool,
                            meta: CallArgMeta | None = None, *, access_type: str = "read",
                            insn_idx: int | None = None) -> State:
    """check_helper_mem_access: `access_size` bytes at the pointer in `regno` (flags like
    PTR_MAYBE_NULL are ignored here: the caller decides about NULL)."""
    from . import maps, packet
    from .memory import err, reg_str, register_is_null

    idx = _idx(state, insn_idx)
    reg = state.reg(regno)
    t = reg.type
    write = access_type == "write"
    if t in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
        packet.check_packet_access(env, state, idx, regno, reg.off, access_size, zero_size_allowed)
        return state
    if t == RegType.PTR_TO_MAP_KEY:
        if write:
            raise err(idx, CANNOT_WRITE_INTO.format(regno=regno, type=reg_str(reg)))
        assert reg.map is not None
        maps.check_mem_region_access(env, state, idx, regno, reg.off, access_size, reg.map.key_size, False)
        return state
    if t == RegType.PTR_TO_MAP_VALUE:
        maps.check_map_access(env, state, idx, regno, reg.off, access_size, zero_size_allowed)
        return state
    if t == RegType.PTR_TO_MEM:
        if reg.flags & RegFlag.MEM_RDONLY and write:
            raise err(idx, CANNOT_WRITE_INTO.format(regno=regno, type=reg_str(reg)))
        maps.check_mem_region_access(env, state, idx, regno, reg.off, access_size, reg.mem_size,
                                     zero_size_allowed)
        return state
    if t == RegType.PTR_TO_STACK:
        return check_stack_range_initialized(env, state, regno, reg.off, access_size, zero_size_allowed,
                                             access_type=access_type, meta=meta, insn_idx=idx)
    if t == RegType.PTR_TO_BTF_ID:
        from . import btf_access  # type: ignore[attr-defined]  # written by another helper

        return btf_access.check_ptr_to_btf_access(env, state, idx, regno, reg.off, access_size, "read", -1)
    if zero_size_allowed and access_size == 0 and register_is_null(reg):
        return state
    raise err(idx, TYPE_EXPECTED_FP.format(regno=regno, type=reg_str(reg)))


def check_mem_size_reg(env: Env, state: State, mem_regno: int, size_regno: int, zero_size_allowed: bool,
                       *, access_type: str = "read", meta: CallArgMeta | None = None,
                       insn_idx: int | None = None) -> State:
    """check_mem_size_reg: the size register must be a bounded non-negative scalar; the memory
    register is then checked for umax(size) bytes (raw mode only for a constant size)."""
    from .memory import err

    idx = _idx(state, insn_idx)
    reg = state.reg(size_regno)
    s = reg.scalar
    if meta is not None:
        meta.msize_max_value = s.umax
    if not s.var_off.is_const():
        meta = None
    if s.smin < 0:
        raise err(idx, SIZE_MIN_NEGATIVE.format(regno=size_regno))
    if s.umin == 0 and not zero_size_allowed:
        raise err(idx, SIZE_ZERO.format(regno=size_regno, umin=s.umin, umax=s.umax))
    if s.umax >= BPF_MAX_VAR_SIZ:
        raise err(idx, SIZE_UNBOUNDED.format(regno=size_regno))
    state = check_helper_mem_access(env, state, mem_regno, s.umax, zero_size_allowed, meta,
                                    access_type=access_type, insn_idx=idx)
    mark_chain_precision(env, size_regno)  # only once the access checked out, as the kernel orders it
    return state


def mark_chain_precision(env: Env, regno: int) -> None:
    """mark_chain_precision(env, regno) at this point of the argument checks: the explorer
    backtracks (and at log level 2 prints the `mark_precise:` lines) when there is one."""
    explorer = getattr(env, "explorer", None)
    if explorer is not None:
        explorer.mark_precision(regno)


def _not_null(state: State, regno: int) -> tuple[State, object]:
    reg = state.reg(regno)
    if reg.flags & RegFlag.PTR_MAYBE_NULL:  # mark_ptr_not_null_reg, undone afterwards
        return state.with_reg(regno, replace(reg, flags=reg.flags & ~RegFlag.PTR_MAYBE_NULL)), reg
    return state, None


def _restore(state: State, regno: int, saved: object) -> State:
    return state.with_reg(regno, saved) if saved is not None else state  # type: ignore[arg-type]


def check_mem_reg(env: Env, state: State, regno: int, mem_size: int, *, insn_idx: int | None = None) -> State:
    """check_mem_reg: fixed-size kfunc/global-subprog memory, read then write; NULL is accepted."""
    from .memory import register_is_null

    if register_is_null(state.reg(regno)):
        return state
    state, saved = _not_null(state, regno)
    state = check_helper_mem_access(env, state, regno, mem_size, True, None, access_type="read", insn_idx=insn_idx)
    state = check_helper_mem_access(env, state, regno, mem_size, True, None, access_type="write", insn_idx=insn_idx)
    return _restore(state, regno, saved)


def check_kfunc_mem_size_reg(env: Env, state: State, size_regno: int, *, insn_idx: int | None = None) -> State:
    """check_kfunc_mem_size_reg: a kfunc (mem, mem__sz) pair, memory in size_regno - 1."""
    mem_regno = size_regno - 1
    state, saved = _not_null(state, mem_regno)
    meta = CallArgMeta()
    state = check_mem_size_reg(env, state, mem_regno, size_regno, True, access_type="read", meta=meta,
                               insn_idx=insn_idx)
    state = check_mem_size_reg(env, state, mem_regno, size_regno, True, access_type="write", meta=meta,
                               insn_idx=insn_idx)
    return _restore(state, mem_regno, saved)
