"""Memory access through a pointer register: check_mem_access and friends (kernel/bpf/verifier.c).

`check_mem_access` dispatches on the pointer type to ctx.py, stack.py, packet.py, maps.py or the
BTF checker, then zero-/sign-extends narrow scalar loads exactly as the kernel does
(coerce_reg_to_size / coerce_reg_to_size_sx). `check_atomic` models check_atomic_rmw /
check_atomic_load / check_atomic_store; `check_ld_abs` models LD_ABS / LD_IND.

This module also holds the small shared vocabulary of the memory rules: reg_type_str (the log's
type names), tnum_strn, and a few register constructors.
"""
from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import VerifierError
from ..isa.insn import Insn, LegacyLoad, Load, Store
from ..isa.opcodes import AtomicOp, Mode, ProgType
from .regs import NOT_INIT, Reg, RegFlag, RegType, pointer
from .scalar import Scalar, Tnum
from .state import BPF_REG_SIZE, State

if TYPE_CHECKING:
    from .env import Env

EACCES = 13
EINVAL = 22
EPERM = 1
U64 = (1 << 64) - 1
U32 = (1 << 32) - 1
S64_MIN, S64_MAX = -(1 << 63), (1 << 63) - 1
S32_MIN, S32_MAX = -(1 << 31), (1 << 31) - 1

# --- messages (to be merged into model/messages.py) -----------------------------------------
INVALID_MEM_ACCESS = "R{regno} invalid mem access '{type}'"
WRITE_TO_MAP_KEY = "write to change key R{regno} not allowed"
LEAKS_ADDR_INTO = "R{regno} leaks addr into {what}"
CANNOT_WRITE_INTO = "R{regno} cannot write into {type}"
CANNOT_WRITE_PACKET = "cannot write into packet"
MODIFIED_CTX_PTR = "dereference of modified {type} ptr R{regno} off={off} disallowed"
NEGATIVE_OFF_PTR = "negative offset {type} ptr R{regno} off={off} disallowed"
VARIABLE_PTR_ACCESS = "variable {type} access var_off={var_off} disallowed"
MISALIGNED_ACCESS = "misaligned {desc}access off {var_off}+{reg_off}+{off} size {size}"
MISALIGNED_PKT_ACCESS = "misaligned packet access off {ip_align}+{var_off}+{reg_off}+{off} size {size}"
INVALID_SOCK_ACCESS = "R{regno} invalid {type} access off={off} size={size}"
MIN_NEGATIVE_INDEX = "R{regno} min value is negative, either use unsigned index or do a if (index >=0) check."
ATOMIC_BAD_SIZE = "invalid atomic operand size"
ATOMIC_STORE_NOT_ALLOWED = "BPF_ATOMIC stores into R{regno} {type} is not allowed"
ATOMIC_LOAD_NOT_ALLOWED = "BPF_ATOMIC loads from R{regno} {type} is not allowed"
ATOMIC_BAD_OPCODE = "BPF_ATOMIC uses invalid atomic opcode {imm:02x}"
REG_NOT_READ_OK = "R{regno} !read_ok"
FRAME_POINTER_READ_ONLY = "frame pointer is read only"
LD_ABS_NOT_ALLOWED = "BPF_LD_[ABS|IND] instructions not allowed for this program type"
LD_ABS_RESERVED = "BPF_LD_[ABS|IND] uses reserved fields"
LD_ABS_R6_NOT_CTX = "at the time of BPF_LD_ABS|IND R6 != pointer to skb"
LD_ABS_PREFIX = "BPF_LD_[ABS|IND]"


class ModelUnsupported(Exception):
    """The program uses a kernel feature this model does not implement (verdict unknown)."""


def err(insn_idx: int | None, msg: str, errno: int = EACCES) -> VerifierError:
    return VerifierError(insn_idx, [msg], errno)


# --- the log's type names (kernel/bpf/log.c reg_type_str) ------------------------------------

_TYPE_STR = {
    RegType.NOT_INIT: "?", RegType.SCALAR_VALUE: "scalar", RegType.PTR_TO_CTX: "ctx",
    RegType.CONST_PTR_TO_MAP: "map_ptr", RegType.PTR_TO_MAP_VALUE: "map_value",
    RegType.PTR_TO_STACK: "fp", RegType.PTR_TO_PACKET: "pkt", RegType.PTR_TO_PACKET_META: "pkt_meta",
    RegType.PTR_TO_PACKET_END: "pkt_end", RegType.PTR_TO_FLOW_KEYS: "flow_keys",
    RegType.PTR_TO_SOCKET: "sock", RegType.PTR_TO_SOCK_COMMON: "sock_common",
    RegType.PTR_TO_TCP_SOCK: "tcp_sock", RegType.PTR_TO_TP_BUFFER: "tp_buffer",
    RegType.PTR_TO_XDP_SOCK: "xdp_sock", RegType.PTR_TO_BTF_ID: "ptr_", RegType.PTR_TO_MEM: "mem",
    RegType.PTR_TO_ARENA: "arena", RegType.PTR_TO_BUF: "buf", RegType.PTR_TO_FUNC: "func",
    RegType.PTR_TO_MAP_KEY: "map_key", RegType.CONST_PTR_TO_DYNPTR: "dynptr_ptr",
}


def reg_type_str(t: RegType, flags: RegFlag = RegFlag.NONE, *, ringbuf: bool = False) -> str:
    postfix = ""
    if flags & RegFlag.PTR_MAYBE_NULL:
        postfix = "or_null_" if t == RegType.PTR_TO_BTF_ID else "_or_null"
    prefix = (("rdonly_" if flags & RegFlag.MEM_RDONLY else "")
              + ("ringbuf_" if ringbuf else "")
              + ("rcu_" if flags & RegFlag.MEM_RCU else "")
              + ("untrusted_" if flags & RegFlag.PTR_UNTRUSTED else "")
              + ("trusted_" if flags & RegFlag.PTR_TRUSTED else ""))
    return f"{prefix}{_TYPE_STR[t]}{postfix}"


def reg_str(reg: Reg) -> str:
    return reg_type_str(reg.type, reg.flags)


# --- tnum helpers (kernel/bpf/tnum.c) --------------------------------------------------------


def _is_unum_decimal(v: int) -> bool:
    return v <= 0xFFFF


def tnum_strn(t: Tnum) -> str:
    """tnum_strn (6.x log.c): constants print as numbers, others as (value; mask)."""
    if t.mask == 0:
        return f"{t.value}" if _is_unum_decimal(t.value) else f"{t.value:#x}"
    return f"({t.value:#x}; {t.mask:#x})"


def tnum_add(a: Tnum, b: Tnum) -> Tnum:
    sm = (a.mask + b.mask) & U64
    sv = (a.value + b.value) & U64
    sigma = (sm + sv) & U64
    chi = sigma ^ sv
    mu = chi | a.mask | b.mask
    return Tnum(sv & ~mu & U64, mu & U64)


def tnum_cast(a: Tnum, size: int) -> Tnum:
    mask = (1 << (size * 8)) - 1
    return Tnum(a.value & mask, a.mask & mask)


def tnum_range(lo: int, hi: int) -> Tnum:
    chi = (lo ^ hi) & U64
    bits = chi.bit_length()
    if bits > 63:
        return Tnum.unknown()
    delta = (1 << bits) - 1
    return Tnum(lo & ~delta & U64, delta)


def tnum_intersect(a: Tnum, b: Tnum) -> Tnum:
    v = a.value | b.value
    mu = a.mask & b.mask
    return Tnum(v & ~mu & U64, mu)


def tnum_is_aligned(a: Tnum, size: int) -> bool:
    if not size:
        return True
    return not ((a.value | a.mask) & (size - 1))


def _s64(v: int) -> int:
    v &= U64
    return v - (1 << 64) if v >> 63 else v


def _s32(v: int) -> int:
    v &= U32
    return v - (1 << 32) if v >> 31 else v


# --- register constructors -------------------------------------------------------------------


def unknown_reg() -> Reg:  # mark_reg_unknown
    return Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.unknown())


def const_reg(v: int) -> Reg:  # __mark_reg_known (v is sign-extended like an s32/s64 imm)
    return Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(v & U64))


def mark_reg_invalid(env: Env, reg: Reg) -> Reg:
    """mark_reg_invalid: unknown scalar for CAP_PERFMON loaders, NOT_INIT otherwise."""
    return unknown_reg() if env.profile.allow_ptr_leaks else NOT_INIT


def register_is_null(reg: Reg) -> bool:
    return reg.type == RegType.SCALAR_VALUE and reg.scalar.var_off.is_const() and reg.scalar.var_off.value == 0


def is_pointer_value(env: Env, reg: Reg) -> bool:  # __is_pointer_value
    return not env.profile.allow_ptr_leaks and reg.type != RegType.SCALAR_VALUE


# --- bounds sync (a compact reg_bounds_sync for the values produced here) --------------------


def _sync(s: Scalar) -> Scalar:
    var, smin, smax, umin, umax = s.var_off, s.smin, s.smax, s.umin, s.umax
    s32min, s32max, u32min, u32max = s.s32_min, s.s32_max, s.u32_min, s.u32_max
    for _ in range(2):
        # __update_reg_bounds
        v32 = tnum_cast(var, 4)
        s32min = max(s32min, _s32(v32.value | (v32.mask & 0x80000000)))
        s32max = min(s32max, _s32(v32.value | (v32.mask & 0x7FFFFFFF)))
        u32min = max(u32min, v32.value)
        u32max = min(u32max, v32.value | v32.mask)
        smin = max(smin, _s64(var.value | (var.mask & (1 << 63))))
        smax = min(smax, _s64(var.value | (var.mask & ((1 << 63) - 1))))
        umin = max(umin, var.value)
        umax = min(umax, var.value | var.mask)
        # __reg32_deduce_bounds
        if (umin >> 32) == (umax >> 32):
            u32min = max(u32min, umin & U32)
            u32max = min(u32max, umax & U32)
            if _s32(umin) <= _s32(umax):
                s32min = max(s32min, _s32(umin))
                s32max = min(s32max, _s32(umax))
        if (smin >> 32) == (smax >> 32) and _s32(smin) <= _s32(smax):
            s32min = max(s32min, _s32(smin))
            s32max = min(s32max, _s32(smax))
        if _s32(u32min) <= _s32(u32max):
            s32min = max(s32min, _s32(u32min))
            s32max = min(s32max, _s32(u32max))
        if (s32min & U32) <= (s32max & U32):
            u32min = max(u32min, s32min & U32)
            u32max = min(u32max, s32max & U32)
        # __reg64_deduce_bounds
        if _s64(umin) <= _s64(umax):
            smin = max(smin, _s64(umin))
            smax = min(smax, _s64(umax))
        if (smin & U64) <= (smax & U64):
            umin = max(umin, smin & U64)
            umax = min(umax, smax & U64)
        # __reg_bound_offset
        v64 = tnum_intersect(var, tnum_range(umin, umax))
        v32 = tnum_intersect(tnum_cast(var, 4), tnum_range(u32min, u32max))
        var = Tnum((v64.value & ~U32) | v32.value, (v64.mask & ~U32 & U64) | v32.mask)
    return Scalar(var, smin, smax, umin, umax, s32min, s32max, u32min, u32max)


def coerce_to_size(s: Scalar, size: int) -> Scalar:
    """coerce_reg_to_size: zero-extending b/h/w load."""
    var = tnum_cast(s.var_off, size)
    mask = (1 << (size * 8)) - 1
    if (s.umin & ~mask) == (s.umax & ~mask):
        umin, umax = s.umin & mask, s.umax & mask
    else:
        umin, umax = 0, mask
    s32 = (s.s32_min, s.s32_max, s.u32_min, s.u32_max)
    if size < 4:
        s32 = (S32_MIN, S32_MAX, 0, U32)
    return _sync(Scalar(var, umin, umax, umin, umax, *s32))


def _sext_default(size: int) -> Scalar:
    lo, hi = {1: (-128, 127), 2: (-32768, 32767), 4: (S32_MIN, S32_MAX)}[size]
    return Scalar(Tnum.unknown(), lo, hi, 0, U64, lo, hi, 0, U32)


def coerce_to_size_sx(s: Scalar, size: int) -> Scalar:
    """coerce_reg_to_size_sx: sign-extending (MEMSX) load."""
    bits = size * 8

    def sx(v: int) -> int:
        v &= (1 << bits) - 1
        return v - (1 << bits) if v >> (bits - 1) else v

    if s.var_off.is_const():
        return Scalar.const(sx(s.var_off.value) & U64)
    if ((s.smax & U64) >> bits) != ((s.smin & U64) >> bits):
        return _sext_default(size)
    a, b = sx(s.smax), sx(s.smin)
    hi, lo = max(a, b), min(a, b)
    if (hi >= 0) == (lo >= 0):
        return Scalar(tnum_range(lo & U64, hi & U64), lo, hi, lo & U64, hi & U64, lo, hi, lo & U32, hi & U32)
    return _sext_default(size)


# --- pointer offset / alignment checks -------------------------------------------------------


def check_ptr_off_reg(env: Env, state: State, insn_idx: int, reg: Reg, regno: int,
                      fixed_off_ok: bool = False) -> None:
    """__check_ptr_off_reg: only the original, unmodified pointer may be dereferenced."""
    if not reg.scalar.var_off.is_const():
        raise err(insn_idx, VARIABLE_PTR_ACCESS.format(type=reg_str(reg),
                                                       var_off=tnum_strn(reg.scalar.var_off)))
    if reg.off < 0:
        raise err(insn_idx, NEGATIVE_OFF_PTR.format(type=reg_str(reg), regno=regno, off=reg.off))
    if not fixed_off_ok and reg.off:
        raise err(insn_idx, MODIFIED_CTX_PTR.format(type=reg_str(reg), regno=regno, off=reg.off))


_ALIGN_DESC = {
    RegType.PTR_TO_FLOW_KEYS: "flow keys ", RegType.PTR_TO_MAP_KEY: "key ",
    RegType.PTR_TO_MAP_VALUE: "value ", RegType.PTR_TO_CTX: "context ", RegType.PTR_TO_STACK: "stack ",
    RegType.PTR_TO_SOCKET: "sock ", RegType.PTR_TO_SOCK_COMMON: "sock_common ",
    RegType.PTR_TO_TCP_SOCK: "tcp_sock ", RegType.PTR_TO_XDP_SOCK: "xdp_sock ",
}


def check_ptr_alignment(env: Env, insn_idx: int, reg: Reg, off: int, size: int,
                        strict_alignment_once: bool = False) -> None:
    """check_ptr_alignment (x86: strict only for the stack and when asked, e.g. atomics)."""
    strict = strict_alignment_once
    t = reg.type if not reg.flags else None
    if t in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
        if not strict or size == 1:
            return
        ip_align = 2
        reg_off = tnum_add(reg.scalar.var_off, Tnum.const(ip_align + reg.off + off))
        if not tnum_is_aligned(reg_off, size):
            raise err(insn_idx, MISALIGNED_PKT_ACCESS.format(
                ip_align=ip_align, var_off=tnum_strn(reg.scalar.var_off), reg_off=reg.off, off=off,
                size=size))
        return
    if t == RegType.PTR_TO_ARENA:
        return
    desc = _ALIGN_DESC.get(t, "") if t is not None else ""
    if t == RegType.PTR_TO_STACK:
        strict = True
    if not strict or size == 1:
        return
    reg_off = tnum_add(reg.scalar.var_off, Tnum.const((reg.off + off) & U64))
    if not tnum_is_aligned(reg_off, size):
        raise err(insn_idx, MISALIGNED_ACCESS.format(desc=desc, var_off=tnum_strn(reg.scalar.var_off),
                                                     reg_off=reg.off, off=off, size=size))


# --- sockets (bpf_sock_is_valid_access / bpf_sock_common_is_valid_access) --------------------

_BPF_SOCK_SIZE = 80


def _bpf_sock_is_valid_access(off: int, size: int) -> bool:
    if off < 0 or off >= _BPF_SOCK_SIZE or off % size:
        return False
    narrow_ok = size <= 4 and (size & (size - 1)) == 0
    if off in (72, 4, 8, 12, 44, 76) or 24 <= off < 28 or 28 <= off < 44 or 52 <= off < 56 or 56 <= off < 72:
        return narrow_ok
    if 48 <= off < 50:  # dst_port (__be16): 4-byte access or narrow within the 2-byte field
        field = 4 if size == 4 else 2
        return size <= field and (size & (size - 1)) == 0
    if 50 <= off < 52:
        return False
    return size == 4


def _sock_access_ok(t: RegType, off: int, size: int) -> bool:
    if t == RegType.PTR_TO_SOCK_COMMON:
        if 8 <= off < 24:  # type .. priority
            return False
        return _bpf_sock_is_valid_access(off, size)
    if t == RegType.PTR_TO_SOCKET:
        return _bpf_sock_is_valid_access(off, size)
    raise ModelUnsupported(f"{_TYPE_STR[t]} field access")


# --- check_mem_access ------------------------------------------------------------------------


def _set_value(state: State, value_regno: int, reg: Reg) -> State:
    return state.with_reg(value_regno, reg) if value_regno >= 0 else state


def check_mem_access(env: Env, state: State, insn_idx: int, regno: int, off: int, size: int,
                     t: str, value_regno: int, *, insn: Insn | None = None,
                     strict_alignment_once: bool = False) -> State:
    """check_mem_access: `off` is the instruction offset, `size` in bytes, t 'read' | 'write'.
    For reads the loaded value lands in value_regno (-1: discard); for writes value_regno is the
    stored register (-1: BPF_ST immediate, taken from `insn`, or an unknown value)."""
    from . import ctx as ctxmod
    from . import maps, packet, stack

    write = t == "write"
    reg = state.reg(regno)
    is_ldsx = isinstance(insn, Load) and insn.sign_extend
    check_ptr_alignment(env, insn_idx, reg, off, size, strict_alignment_once)
    off += reg.off
    rt, fl = reg.type, reg.flags
    value = state.reg(value_regno) if value_regno >= 0 else None

    def leaks(what: str) -> None:
        if write and value is not None and is_pointer_value(env, value):
            raise err(insn_idx, LEAKS_ADDR_INTO.format(regno=value_regno, what=what))

    if rt == RegType.PTR_TO_MAP_KEY and not fl:
        if write:
            raise err(insn_idx, WRITE_TO_MAP_KEY.format(regno=regno))
        assert reg.map is not None
        maps.check_mem_region_access(env, state, insn_idx, regno, off, size, reg.map.key_size, False)
        state = _set_value(state, value_regno, unknown_reg())
    elif rt == RegType.PTR_TO_MAP_VALUE and not fl:
        leaks("map")
        maps.check_map_access(env, state, insn_idx, regno, off, size, False)
        if not write:
            state = _set_value(state, value_regno, unknown_reg())
    elif rt == RegType.PTR_TO_MEM:
        if fl & RegFlag.PTR_MAYBE_NULL:
            raise err(insn_idx, INVALID_MEM_ACCESS.format(regno=regno, type=reg_str(reg)))
        rdonly = bool(fl & RegFlag.MEM_RDONLY)
        if write and rdonly:
            raise err(insn_idx, CANNOT_WRITE_INTO.format(regno=regno, type=reg_str(reg)))
        leaks("mem")
        if not (rdonly and fl & RegFlag.PTR_UNTRUSTED):
            maps.check_mem_region_access(env, state, insn_idx, regno, off, size, reg.mem_size, False)
        if not write or rdonly:
            state = _set_value(state, value_regno, unknown_reg())
    elif rt == RegType.PTR_TO_CTX and not fl:
        leaks("ctx")
        check_ptr_off_reg(env, state, insn_idx, reg, regno)
        if env.prog.prog_type not in ctxmod.KNOWN_PROG_TYPES:
            raise ModelUnsupported(f"ctx access for program type {int(env.prog.prog_type)}")
        info = ctxmod.is_valid_access(env.prog.prog_type, off, size, write,
                                      cap_sys_admin=env.profile.allow_ptr_leaks)
        if info is None:
            raise err(insn_idx, ctxmod.INVALID_CTX_ACCESS.format(off=off, size=size))
        if not write and value_regno >= 0:
            if info.reg_type == RegType.SCALAR_VALUE:
                state = state.with_reg(value_regno, unknown_reg())
            else:
                r = pointer(info.reg_type, flags=info.flags)
                if info.flags & RegFlag.PTR_MAYBE_NULL:
                    r = replace(r, id=env.new_id())
                state = state.with_reg(value_regno, r)
    elif rt == RegType.PTR_TO_STACK and not fl:
        state = stack.check_stack_access_within_bounds(env, state, insn_idx, regno, off, size, write)
        if write:
            state = stack.check_stack_write(env, state, insn_idx, regno, off, size, value_regno, insn)
        else:
            state = stack.check_stack_read(env, state, insn_idx, regno, off, size, value_regno)
    elif rt in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
        if write and not packet.may_access_direct_pkt_data(env, None, write=True):
            raise err(insn_idx, CANNOT_WRITE_PACKET)
        leaks("packet")
        packet.check_packet_access(env, state, insn_idx, regno, off, size, False)
        if not write:
            state = _set_value(state, value_regno, unknown_reg())
    elif rt in (RegType.PTR_TO_SOCKET, RegType.PTR_TO_SOCK_COMMON, RegType.PTR_TO_TCP_SOCK,
                RegType.PTR_TO_XDP_SOCK) and not fl:
        if write:
            raise err(insn_idx, CANNOT_WRITE_INTO.format(regno=regno, type=reg_str(reg)))
        if reg.scalar.smin < 0:
            raise err(insn_idx, MIN_NEGATIVE_INDEX.format(regno=regno))
        if not _sock_access_ok(rt, off, size):
            raise err(insn_idx, INVALID_SOCK_ACCESS.format(regno=regno, type=reg_str(reg), off=off,
                                                           size=size))
        state = _set_value(state, value_regno, unknown_reg())
    elif rt == RegType.PTR_TO_BTF_ID and not fl & RegFlag.PTR_MAYBE_NULL:
        from . import btf_access  # type: ignore[attr-defined]  # written by another helper

        state = btf_access.check_ptr_to_btf_access(env, state, insn_idx, regno, off, size, t, value_regno)
    elif rt in (RegType.CONST_PTR_TO_MAP, RegType.PTR_TO_BUF, RegType.PTR_TO_TP_BUFFER,
                RegType.PTR_TO_FLOW_KEYS, RegType.PTR_TO_ARENA) and not fl:
        raise ModelUnsupported(f"memory access through {reg_str(reg)}")
    else:
        raise err(insn_idx, INVALID_MEM_ACCESS.format(regno=regno, type=reg_str(reg)))

    if not write and value_regno >= 0 and size < BPF_REG_SIZE:
        v = state.reg(value_regno)
        if v.type == RegType.SCALAR_VALUE:
            s = coerce_to_size_sx(v.scalar, size) if is_ldsx else coerce_to_size(v.scalar, size)
            state = state.with_reg(value_regno, replace(v, scalar=s))
    return state


# --- atomics ---------------------------------------------------------------------------------

BPF_LOAD_ACQ = 0x100
BPF_STORE_REL = 0x110
_RMW_OPS = {AtomicOp.ADD, AtomicOp.ADD | AtomicOp.FETCH, AtomicOp.AND, AtomicOp.AND | AtomicOp.FETCH,
            AtomicOp.OR, AtomicOp.OR | AtomicOp.FETCH, AtomicOp.XOR, AtomicOp.XOR | AtomicOp.FETCH,
            AtomicOp.XCHG, AtomicOp.CMPXCHG}


def check_reg_read(state: State, insn_idx: int, regno: int) -> None:
    """check_reg_arg(SRC_OP): reading a NOT_INIT register."""
    if state.reg(regno).type == RegType.NOT_INIT:
        raise err(insn_idx, REG_NOT_READ_OK.format(regno=regno))


def _atomic_ptr_type_ok(reg: Reg) -> bool:
    return not (reg.type in (RegType.PTR_TO_CTX, RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META,
                             RegType.PTR_TO_FLOW_KEYS, RegType.PTR_TO_SOCKET, RegType.PTR_TO_SOCK_COMMON,
                             RegType.PTR_TO_TCP_SOCK, RegType.PTR_TO_XDP_SOCK) and not reg.flags)


def check_atomic(env: Env, state: State, insn_idx: int, insn: Insn) -> State:
    """check_atomic: BPF_STX | BPF_ATOMIC (rmw ops, load-acquire, store-release)."""
    assert isinstance(insn, Store)
    imm = insn.imm
    size = insn.size
    if imm in _RMW_OPS:
        if size not in (4, 8):
            raise err(insn_idx, ATOMIC_BAD_SIZE, EINVAL)
        check_reg_read(state, insn_idx, insn.src)
        check_reg_read(state, insn_idx, insn.dst)
        if imm == AtomicOp.CMPXCHG:
            check_reg_read(state, insn_idx, 0)
            if is_pointer_value(env, state.reg(0)):
                raise err(insn_idx, LEAKS_ADDR_INTO.format(regno=0, what="mem"))
        if is_pointer_value(env, state.reg(insn.src)):
            raise err(insn_idx, LEAKS_ADDR_INTO.format(regno=insn.src, what="mem"))
        dst = state.reg(insn.dst)
        if not _atomic_ptr_type_ok(dst):
            raise err(insn_idx, ATOMIC_STORE_NOT_ALLOWED.format(regno=insn.dst, type=reg_str(dst)))
        load_reg = -1
        if imm & AtomicOp.FETCH:
            load_reg = 0 if imm == AtomicOp.CMPXCHG else insn.src
            if load_reg == 10:
                raise err(insn_idx, FRAME_POINTER_READ_ONLY)
        state = check_mem_access(env, state, insn_idx, insn.dst, insn.off, size, "read", -1,
                                 insn=insn, strict_alignment_once=True)
        if load_reg >= 0:
            state = check_mem_access(env, state, insn_idx, insn.dst, insn.off, size, "read", load_reg,
                                     insn=insn, strict_alignment_once=True)
        return check_mem_access(env, state, insn_idx, insn.dst, insn.off, size, "write", -1,
                                insn=insn, strict_alignment_once=True)
    if imm == BPF_LOAD_ACQ:
        check_reg_read(state, insn_idx, insn.src)
        if insn.dst == 10:
            raise err(insn_idx, FRAME_POINTER_READ_ONLY)
        src_reg = state.reg(insn.src)
        state = check_mem_access(env, state, insn_idx, insn.src, insn.off, size, "read", insn.dst,
                                 insn=insn, strict_alignment_once=True)
        if not _atomic_ptr_type_ok(src_reg):
            raise err(insn_idx, ATOMIC_LOAD_NOT_ALLOWED.format(regno=insn.src, type=reg_str(src_reg)))
        return state
    if imm == BPF_STORE_REL:
        check_reg_read(state, insn_idx, insn.src)
        check_reg_read(state, insn_idx, insn.dst)
        dst = state.reg(insn.dst)
        state = check_mem_access(env, state, insn_idx, insn.dst, insn.off, size, "write", insn.src,
                                 insn=insn, strict_alignment_once=True)
        if not _atomic_ptr_type_ok(dst):
            raise err(insn_idx, ATOMIC_STORE_NOT_ALLOWED.format(regno=insn.dst, type=reg_str(dst)))
        return state
    raise err(insn_idx, ATOMIC_BAD_OPCODE.format(imm=imm & 0xFFFFFFFF), EINVAL)


# --- LD_ABS / LD_IND -------------------------------------------------------------------------

_LD_ABS_PROG_TYPES = {ProgType.SOCKET_FILTER, ProgType.SCHED_CLS, ProgType.SCHED_ACT}


def check_ld_abs(env: Env, state: State, insn_idx: int, insn: Insn) -> State:
    """check_ld_abs: r0 = *(size *)skb[imm (+ src)]; R6 must be the ctx, R1-R5 are clobbered."""
    from . import helpers

    assert isinstance(insn, LegacyLoad)
    if env.prog.prog_type not in _LD_ABS_PROG_TYPES:
        raise err(insn_idx, LD_ABS_NOT_ALLOWED, EINVAL)
    mode = insn.mode
    if insn.dst != 0 or insn.off != 0 or insn.size == 8 or (mode == Mode.ABS and insn.src != 0):
        raise err(insn_idx, LD_ABS_RESERVED, EINVAL)
    check_reg_read(state, insn_idx, 6)
    helpers.check_resource_leak(env, state, insn_idx, LD_ABS_PREFIX)
    r6 = state.reg(6)
    if r6.type != RegType.PTR_TO_CTX or r6.flags:
        raise err(insn_idx, LD_ABS_R6_NOT_CTX, EINVAL)
    if mode == Mode.IND:
        check_reg_read(state, insn_idx, insn.src)
    check_ptr_off_reg(env, state, insn_idx, r6, 6)
    for r in range(6):
        state = state.with_reg(r, NOT_INIT)
    return state.with_reg(0, replace(unknown_reg(), subreg_def=insn_idx + 1))
