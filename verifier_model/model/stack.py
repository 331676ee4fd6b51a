"""Stack (PTR_TO_STACK) loads and stores: spill/fill, byte kinds, bounds, variable offsets.

Models check_stack_access_within_bounds, check_stack_write_fixed_off / _var_off,
check_stack_read_fixed_off / _var_off and mark_reg_stack_read (kernel/bpf/verifier.c, 6.18).

Byte order inside a slot: `StackSlot.kinds[j]` is the kernel's `slot_type[j]`. Byte `off`
(negative, relative to the frame pointer) lives in slot `spi = (-off - 1) // 8` at index
`j = (-off - 1) % 8`, so `kinds[7]` is the slot's lowest address (fp-8*(spi+1)) and `kinds[0]` its
highest. The log prints `kinds[0..7]` left to right ("fp-8=????0000" after `*(u32 *)(r10 -4) = 0`
is printed "0000????"). A spill of `size` bytes at a slot boundary marks kinds[8-size..7].
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import VerifierError
from ..isa.insn import Insn, StoreImm
from .regs import Reg, RegType
from .state import BPF_REG_SIZE, MAX_BPF_STACK, SlotKind, StackSlot, State

if TYPE_CHECKING:
    from .env import Env

EACCES = 13
EINVAL = 22
EFAULT = 14

BPF_MAX_VAR_OFF = 1 << 29

INVALID_STACK_ACCESS = "invalid{extra} stack R{regno} off={off} size={size}"
INVALID_VAR_STACK_ACCESS = "invalid variable-offset{extra} stack R{regno} var_off={var_off} off={off} size={size}"
UNBOUNDED_VAR_STACK_ACCESS = "invalid unbounded variable-offset{extra} stack R{regno}"
INVALID_STACK_READ_OFF = "invalid read from stack off {off}+{i} size {size}"
CORRUPT_SPILLED_PTR = "attempt to corrupt spilled pointer on stack"
INVALID_SPILL_SIZE = "invalid size of register spill"
INVALID_FILL_SIZE = "invalid size of register fill"
SPILL_STACK_PTR_TO_CALLER = "cannot spill pointers to stack into stack frame of the caller"
LEAKING_PTR_FROM_STACK = "leaking pointer from stack off {off}"
VAR_OFF_STACK_TO_HELPER = (
    "variable offset stack pointer cannot be passed into helper function; var_off={var_off} off={off} size={size}"
)
VAR_WRITE_SPILLED_PTR = "spilled ptr in range of var-offset stack write; insn {insn}, ptr off: {off}"
VAR_WRITE_UNINIT = "uninit stack in range of var-offset write prohibited for !root; insn {insn}, off: {off}"

_SPILLABLE = frozenset({
    RegType.PTR_TO_MAP_VALUE, RegType.PTR_TO_STACK, RegType.PTR_TO_CTX, RegType.PTR_TO_PACKET,
    RegType.PTR_TO_PACKET_META, RegType.PTR_TO_PACKET_END, RegType.PTR_TO_FLOW_KEYS,
    RegType.CONST_PTR_TO_MAP, RegType.PTR_TO_SOCKET, RegType.PTR_TO_SOCK_COMMON,
    RegType.PTR_TO_TCP_SOCK, RegType.PTR_TO_XDP_SOCK, RegType.PTR_TO_BTF_ID, RegType.PTR_TO_BUF,
    RegType.PTR_TO_MEM, RegType.PTR_TO_FUNC, RegType.PTR_TO_MAP_KEY, RegType.PTR_TO_ARENA,
})


def is_spillable_regtype(t: RegType) -> bool:
    return t in _SPILLABLE


def _err(insn_idx: int, msg: str, errno: int = EACCES) -> VerifierError:
    return VerifierError(insn_idx, [msg], errno)


def slot_of(off: int) -> tuple[int, int]:
    """(spi, index into kinds) of the stack byte at `off` (< 0)."""
    slot = -off - 1
    return slot // BPF_REG_SIZE, slot % BPF_REG_SIZE


def is_spilled_reg(slot: StackSlot) -> bool:
    return slot.kinds[BPF_REG_SIZE - 1] == SlotKind.SPILL


def is_spilled_scalar_reg(slot: StackSlot) -> bool:
    return is_spilled_reg(slot) and slot.spilled.type == RegType.SCALAR_VALUE


def fls64(v: int) -> int:
    return v.bit_length()


def _frame_slot(state: State, frameno: int, spi: int) -> StackSlot:
    stack = state.frames[frameno].stack
    return stack[spi] if spi < len(stack) else StackSlot()


def _set_slot(state: State, frameno: int, spi: int, slot: StackSlot) -> State:
    return state.with_frame(state.frames[frameno].with_slot(spi, slot), frameno)


def grow_stack_state(state: State, frameno: int, size: int) -> State:
    """grow_stack_state: allocated_stack becomes round_up(size, 8) if that is larger."""
    n = (size + BPF_REG_SIZE - 1) // BPF_REG_SIZE
    frame = state.frames[frameno]
    if n <= len(frame.stack):
        return state
    stack = frame.stack + tuple(StackSlot() for _ in range(n - len(frame.stack)))
    return state.with_frame(replace(frame, stack=stack), frameno)


def _const_var_off(reg: Reg) -> int | None:
    """The signed value of a constant var_off, None when variable."""
    t = reg.scalar.var_off
    if t.mask:
        return None
    v = t.value
    return v - (1 << 64) if v >> 63 else v


def check_stack_access_within_bounds(env: Env, state: State, insn_idx: int, regno: int, off: int,
                                     access_size: int, write: bool) -> State:
    """check_stack_access_within_bounds; `off` includes reg->off. Grows the stack on success."""
    from . import memory as m

    reg = state.reg(regno)
    extra = " write to" if write else " read from"
    cv = _const_var_off(reg)
    if cv is not None:
        min_off = cv + off
        max_off = min_off + access_size
    else:
        if reg.scalar.smax >= BPF_MAX_VAR_OFF or reg.scalar.smin <= -BPF_MAX_VAR_OFF:
            raise _err(insn_idx, UNBOUNDED_VAR_STACK_ACCESS.format(extra=extra, regno=regno))
        min_off = reg.scalar.smin + off
        max_off = reg.scalar.smax + off + access_size
    frame = state.frames[reg.frameno]
    if write or env.profile.allow_uninit_stack:
        min_valid = -MAX_BPF_STACK
    else:
        min_valid = -frame.allocated_stack
    bad = min_off < min_valid or min_off > -1 or max_off > 0 or access_size < 0
    if bad:
        if cv is not None:
            msg = INVALID_STACK_ACCESS.format(extra=extra, regno=regno, off=min_off, size=access_size)
        else:
            msg = INVALID_VAR_STACK_ACCESS.format(extra=extra, regno=regno,
                                                  var_off=m.tnum_strn(reg.scalar.var_off), off=off,
                                                  size=access_size)
        raise _err(insn_idx, msg, EFAULT if access_size < 0 and not (
            min_off < min_valid or min_off > -1 or max_off > 0) else EACCES)
    return grow_stack_state(state, reg.frameno, -min_off)


def assign_scalar_id_before_mov(env: Env, reg: Reg) -> Reg:
    """A non-constant scalar without an id gets a fresh one (kernel_semantics 1.4, G6d)."""
    if reg.type != RegType.SCALAR_VALUE:
        return reg
    from .regs import BPF_ADD_CONST

    if reg.id & BPF_ADD_CONST:  # rX = rY where rY already carries a delta: the link is dropped
        reg = reg.with_(id=0, off=0)
    if not reg.id and not reg.scalar.var_off.is_const():
        return reg.with_(id=env.new_id())
    return reg


def _save_register_state(kinds: list[SlotKind], size: int) -> None:
    """save_register_state's slot marking: the top `size` kinds SPILL, the rest misc-ified."""
    for i in range(BPF_REG_SIZE, BPF_REG_SIZE - size, -1):
        kinds[i - 1] = SlotKind.SPILL
    for i in range(BPF_REG_SIZE - size, 0, -1):
        if kinds[i - 1] not in (SlotKind.ZERO, SlotKind.INVALID):  # mark_stack_slot_misc
            kinds[i - 1] = SlotKind.MISC


def _register_is_null(reg: Reg) -> bool:
    return reg.type == RegType.SCALAR_VALUE and reg.scalar.var_off.is_const() and reg.scalar.var_off.value == 0


def check_stack_write_fixed_off(env: Env, state: State, insn_idx: int, frameno: int, off: int,
                                size: int, value_regno: int, insn: Insn | None) -> State:
    spi, _ = slot_of(off)
    slot = -off - 1
    old = _frame_slot(state, frameno, spi)
    env.scratched_slots.add(spi)  # mark_stack_slot_scratched
    env.insn_stack_access = (frameno, spi)  # insn_flags, cleared below when this is not a register spill
    if (not env.profile.allow_ptr_leaks and is_spilled_reg(old) and not is_spilled_scalar_reg(old)
            and size != BPF_REG_SIZE):
        raise _err(insn_idx, CORRUPT_SPILLED_PTR)
    if off % BPF_REG_SIZE == 0 and size == BPF_REG_SIZE and env.liveness is not None:
        # only a write of all 8 bytes kills the slot for stack liveness (bpf_mark_stack_write)
        env.liveness.mark_stack_write(frameno, 1 << spi)
    reg = state.reg(value_regno) if value_regno >= 0 else None
    is_st = isinstance(insn, StoreImm)
    kinds = list(old.kinds)
    spilled = old.spilled
    aligned = off % BPF_REG_SIZE == 0
    if reg is not None and aligned and reg.type == RegType.SCALAR_VALUE and env.profile.bpf_capable:
        fits = fls64(reg.scalar.umax) <= 8 * size
        if fits:
            reg2 = assign_scalar_id_before_mov(env, reg)
            if reg2 is not reg:
                state = state.with_reg(value_regno, reg2)
                reg = reg2
        spilled = reg if fits else reg.with_(id=0)
        _save_register_state(kinds, size)
    elif reg is None and aligned and is_st and env.profile.bpf_capable:
        from . import memory as m

        assert insn is not None
        spilled = m.const_reg(insn.imm)
        _save_register_state(kinds, size)
    elif reg is not None and is_spillable_regtype(reg.type):
        if size != BPF_REG_SIZE:
            raise _err(insn_idx, INVALID_SPILL_SIZE)
        if frameno != state.curframe and reg.type == RegType.PTR_TO_STACK:
            raise _err(insn_idx, SPILL_STACK_PTR_TO_CALLER, EINVAL)
        spilled = reg
        _save_register_state(kinds, size)
    else:
        env.insn_stack_access = None  # not a register spill
        spilled = replace(spilled, type=RegType.NOT_INIT) if spilled.type != RegType.NOT_INIT else spilled
        if kinds[BPF_REG_SIZE - 1] == SlotKind.SPILL:  # is_stack_slot_special: scrub_spilled_slot
            kinds = [k if k == SlotKind.INVALID else SlotKind.MISC for k in kinds]
        kind = SlotKind.MISC
        if (reg is not None and _register_is_null(reg)) or (reg is None and is_st and insn is not None
                                                          and insn.imm == 0):
            # not a register spill (misaligned): the zero's source register is made precise to keep
            # STACK_ZERO correct (mark_chain_precision(env, value_regno); nothing for BPF_ST)
            if value_regno >= 0:
                from .argcheck import mark_chain_precision

                mark_chain_precision(env, value_regno)
            kind = SlotKind.ZERO
        for i in range(size):
            kinds[(slot - i) % BPF_REG_SIZE] = kind
    return _set_slot(state, frameno, spi, StackSlot(tuple(kinds), spilled))


def check_stack_write_var_off(env: Env, state: State, insn_idx: int, ptr_regno: int, off: int,
                              size: int, value_regno: int, insn: Insn | None) -> State:
    ptr = state.reg(ptr_regno)
    frameno = ptr.frameno
    min_off = ptr.scalar.smin + off
    max_off = ptr.scalar.smax + off + size
    value = state.reg(value_regno) if value_regno >= 0 else None
    writing_zero = (value is not None and _register_is_null(value)) or (
        value is None and isinstance(insn, StoreImm) and insn.imm == 0)
    zero_used = False
    for i in range(min_off, max_off):
        spi, j = slot_of(i)
        cur = _frame_slot(state, frameno, spi)
        stype = cur.kinds[j]
        env.scratched_slots.add(spi)  # mark_stack_slot_scratched
        if not env.profile.allow_ptr_leaks and stype not in (SlotKind.MISC, SlotKind.ZERO):
            raise _err(insn_idx, VAR_WRITE_SPILLED_PTR.format(insn=insn_idx, off=i), EINVAL)
        if writing_zero and stype == SlotKind.SPILL and is_spilled_scalar_reg(cur):
            sp = cur.spilled.scalar.var_off
            if sp.is_const() and sp.value == 0:
                continue
        new = SlotKind.MISC
        if writing_zero and stype == SlotKind.ZERO:
            new = SlotKind.ZERO
            zero_used = True
        if stype == SlotKind.INVALID and not env.profile.allow_uninit_stack:
            raise _err(insn_idx, VAR_WRITE_UNINIT.format(insn=insn_idx, off=i), EINVAL)
        kinds = list(cur.kinds)
        kinds[j] = new
        state = _set_slot(state, frameno, spi, StackSlot(tuple(kinds), replace(cur.spilled, type=RegType.NOT_INIT)))
    if zero_used and value_regno >= 0:  # backtracking doesn't work for STACK_ZERO yet
        from .argcheck import mark_chain_precision

        mark_chain_precision(env, value_regno)
    return state


def check_stack_write(env: Env, state: State, insn_idx: int, ptr_regno: int, off: int, size: int,
                      value_regno: int, insn: Insn | None) -> State:
    reg = state.reg(ptr_regno)
    cv = _const_var_off(reg)
    if cv is not None:
        return check_stack_write_fixed_off(env, state, insn_idx, reg.frameno, off + cv, size,
                                           value_regno, insn)
    return check_stack_write_var_off(env, state, insn_idx, ptr_regno, off, size, value_regno, insn)


def _is_pointer_value(env: Env, reg: Reg) -> bool:  # __is_pointer_value
    return not env.profile.allow_ptr_leaks and reg.type != RegType.SCALAR_VALUE


def mark_reg_stack_read(state: State, ptr_frameno: int, min_off: int, max_off: int, dst_regno: int,
                        env: Env | None = None) -> State:
    from . import memory as m

    zeros = 0
    for i in range(min_off, max_off):
        spi, j = slot_of(i)
        if env is not None:
            env.scratched_slots.add(spi)  # mark_stack_slot_scratched
        if _frame_slot(state, ptr_frameno, spi).kinds[j] != SlotKind.ZERO:
            break
        zeros += 1
    if zeros == max_off - min_off:
        return state.with_reg(dst_regno, m.const_reg(0))
    return state.with_reg(dst_regno, m.unknown_reg())


def _stack_narrow_access_ok(off: int) -> bool:  # bpf_stack_narrow_access_ok, little endian
    return off % BPF_REG_SIZE == 0


def check_stack_read_fixed_off(env: Env, state: State, insn_idx: int, frameno: int, off: int,
                               size: int, dst_regno: int) -> State:
    from . import memory as m

    spi, _ = slot_of(off)
    slot = -off - 1
    st = _frame_slot(state, frameno, spi)
    env.scratched_slots.add(spi)  # mark_stack_slot_scratched
    env.insn_stack_access = (frameno, spi)  # insn_flags: pushed to the jump history unless cleared below
    if env.liveness is not None:  # any read of the slot, whatever it holds (bpf_mark_stack_read)
        env.liveness.mark_stack_read(frameno, insn_idx, 1 << spi)
    stype = st.kinds
    reg = st.spilled
    if is_spilled_reg(st):
        spill_size = 1
        i = BPF_REG_SIZE - 1
        while i > 0 and stype[i - 1] == SlotKind.SPILL:
            spill_size += 1
            i -= 1
        if size != BPF_REG_SIZE or spill_size != BPF_REG_SIZE:
            if reg.type != RegType.SCALAR_VALUE:
                raise _err(insn_idx, INVALID_FILL_SIZE)
            if dst_regno < 0:
                return state
            if size <= spill_size and _stack_narrow_access_ok(off):
                subreg_def = state.reg(dst_regno).subreg_def
                if (env.profile.bpf_capable and size == 4 and spill_size == 4
                        and fls64(reg.scalar.umax) <= 32):
                    reg2 = assign_scalar_id_before_mov(env, reg)
                    if reg2 is not reg:
                        reg = reg2
                        state = _set_slot(state, frameno, spi, replace(st, spilled=reg))
                dst = replace(reg, subreg_def=subreg_def)
                if fls64(reg.scalar.umax) > size * 8:
                    dst = replace(dst, id=0)
                return state.with_reg(dst_regno, dst)
            spill_cnt = zero_cnt = 0
            for i in range(size):
                t = stype[(slot - i) % BPF_REG_SIZE]
                if t == SlotKind.SPILL:
                    spill_cnt += 1
                    continue
                if t == SlotKind.MISC:
                    continue
                if t == SlotKind.ZERO:
                    zero_cnt += 1
                    continue
                if t == SlotKind.INVALID and env.profile.allow_uninit_stack:
                    continue
                raise _err(insn_idx, INVALID_STACK_READ_OFF.format(off=off, i=i, size=size))
            if spill_cnt == size and reg.scalar.var_off.is_const() and reg.scalar.var_off.value == 0:
                return state.with_reg(dst_regno, m.const_reg(0))
            env.insn_stack_access = None  # not restoring original register state
            if zero_cnt == size:
                return state.with_reg(dst_regno, m.const_reg(0))
            return state.with_reg(dst_regno, m.unknown_reg())
        if dst_regno >= 0:
            # a full 8-byte fill copies the spilled register as it is: 6.18 assigns no scalar id
            # here (checked live: an id-less spilled scalar fills as `scalar()`, the slot stays id-less)
            return state.with_reg(dst_regno, reg)
        if _is_pointer_value(env, reg):
            raise _err(insn_idx, LEAKING_PTR_FROM_STACK.format(off=off))
        return state
    for i in range(size):
        t = stype[(slot - i) % BPF_REG_SIZE]
        if t in (SlotKind.MISC, SlotKind.ZERO):
            continue
        if t == SlotKind.INVALID and env.profile.allow_uninit_stack:
            continue
        raise _err(insn_idx, INVALID_STACK_READ_OFF.format(off=off, i=i, size=size))
    env.insn_stack_access = None  # we are not restoring spilled register
    if dst_regno >= 0:
        return mark_reg_stack_read(state, frameno, off, off + size, dst_regno, env)
    return state


def check_stack_read(env: Env, state: State, insn_idx: int, ptr_regno: int, off: int, size: int,
                     dst_regno: int) -> State:
    from . import argcheck
    from . import memory as m

    reg = state.reg(ptr_regno)
    cv = _const_var_off(reg)
    if dst_regno < 0 and cv is None:
        raise _err(insn_idx, VAR_OFF_STACK_TO_HELPER.format(var_off=m.tnum_strn(reg.scalar.var_off),
                                                            off=off, size=size))
    if cv is not None:
        return check_stack_read_fixed_off(env, state, insn_idx, reg.frameno, off + cv, size, dst_regno)
    state = argcheck.check_stack_range_initialized(env, state, ptr_regno, off, size, False,
                                                   access_type="read", meta=None, insn_idx=insn_idx)
    min_off = reg.scalar.smin + off
    max_off = reg.scalar.smax + off
    return mark_reg_stack_read(state, reg.frameno, min_off, max_off + size, dst_regno, env)


def clobber_spilled(slot: StackSlot) -> StackSlot:
    """A helper may have written the slot: the spilled reg becomes unknown, SPILL bytes MISC."""
    from . import memory as m

    kinds = tuple(k if k == SlotKind.INVALID else SlotKind.MISC for k in slot.kinds)
    return StackSlot(kinds, m.unknown_reg())
