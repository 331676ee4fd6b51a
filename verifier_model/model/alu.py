"""check_alu_op and adjust_{reg,ptr}_min_max_vals (kernel/bpf/verifier.c): scalar ALU through
the scalar domain, pointer arithmetic with the kernel's rules and messages."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import VerifierError
from ..isa.insn import Alu
from ..isa.opcodes import AluOp, Cls, Src
from . import scalar as sc
from .memory import reg_str
from .regs import Reg, RegFlag, RegType, unknown_scalar
from .scalar import Scalar, Tnum
from .stack import assign_scalar_id_before_mov
from .state import State

if TYPE_CHECKING:
    from .env import Env

EACCES = 13
EINVAL = 22
U64 = (1 << 64) - 1
S64_MIN, S64_MAX = -(1 << 63), (1 << 63) - 1
BPF_MAX_VAR_OFF = 1 << 29

ALU_STR = {AluOp.ADD: "+=", AluOp.SUB: "-=", AluOp.MUL: "*=", AluOp.DIV: "/=", AluOp.OR: "|=",
           AluOp.AND: "&=", AluOp.LSH: "<<=", AluOp.RSH: ">>=", AluOp.NEG: "neg", AluOp.MOD: "%=",
           AluOp.XOR: "^=", AluOp.MOV: "=", AluOp.ARSH: "s>>=", AluOp.END: "endian"}


def _err(idx: int, msg: str, errno: int = EACCES) -> VerifierError:
    return VerifierError(idx, [msg], errno)


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v >> 31 else v


def check_reg_read(state: State, idx: int, regno: int) -> None:
    if state.reg(regno).type == RegType.NOT_INIT:
        raise _err(idx, f"R{regno} !read_ok")


def check_reg_write(idx: int, regno: int) -> None:
    if regno == 10:
        raise _err(idx, "frame pointer is read only")


def is_pointer_value(env: Env, reg: Reg) -> bool:
    return not env.profile.allow_ptr_leaks and reg.type != RegType.SCALAR_VALUE


def _known_const(v: int) -> Scalar:
    return Scalar.const(v & U64)


def check_alu_op(env: Env, state: State, idx: int, insn: Alu, precision: Callable[[int], None],
                 fork: Callable[[State], None]) -> State:
    """The state after `insn`; `precision(regno)` marks a register's chain precise,
    `fork(state)` pushes a branch that re-executes this instruction (maybe_fork_scalars)."""
    op = insn.op
    is64 = insn.cls == Cls.ALU64
    d = insn.dst
    if op in (AluOp.END, AluOp.NEG):
        if op == AluOp.NEG:
            if insn.source != Src.K or insn.src or insn.off or insn.imm:
                raise _err(idx, "BPF_NEG uses reserved fields", EINVAL)
        elif insn.src or insn.off or insn.imm not in (16, 32, 64) or (is64 and insn.source != Src.K):
            raise _err(idx, "BPF_END uses reserved fields", EINVAL)
        check_reg_read(state, idx, d)
        if is_pointer_value(env, state.reg(d)):
            raise _err(idx, f"R{d} pointer arithmetic prohibited")
        check_reg_write(idx, d)
        dst = state.reg(d)
        if dst.type != RegType.SCALAR_VALUE:
            return state.with_reg(d, unknown_scalar())
        res = sc.alu(op, dst.scalar, Scalar.const(0), is64, 0, imm=insn.imm, to_be=insn.source == Src.X)
        return state.with_reg(d, Reg(type=RegType.SCALAR_VALUE, scalar=res,
                                     subreg_def=0 if is64 else idx + 1))
    if op == AluOp.MOV:
        return _mov(env, state, idx, insn, is64)
    if op > AluOp.END:
        raise _err(idx, f"invalid BPF_ALU opcode {op:x}", EINVAL)
    if insn.source == Src.X:
        if insn.imm or insn.off not in (0, 1) or (insn.off == 1 and op not in (AluOp.MOD, AluOp.DIV)):
            raise _err(idx, "BPF_ALU uses reserved fields", EINVAL)
        check_reg_read(state, idx, insn.src)
    elif insn.src or insn.off not in (0, 1) or (insn.off == 1 and op not in (AluOp.MOD, AluOp.DIV)):
        raise _err(idx, "BPF_ALU uses reserved fields", EINVAL)
    check_reg_read(state, idx, d)
    if op in (AluOp.MOD, AluOp.DIV) and insn.source == Src.K and insn.imm == 0:
        raise _err(idx, "div by zero", EINVAL)
    if op in (AluOp.LSH, AluOp.RSH, AluOp.ARSH) and insn.source == Src.K:
        size = 64 if is64 else 32
        if insn.imm < 0 or insn.imm >= size:
            raise _err(idx, f"invalid shift {insn.imm}", EINVAL)
    check_reg_write(idx, d)
    return _adjust_reg_min_max_vals(env, state, idx, insn, is64, precision, fork)


def _mov(env: Env, state: State, idx: int, insn: Alu, is64: bool) -> State:
    d = insn.dst
    if insn.source == Src.X:
        if not is64:
            if insn.off not in (0, 8, 16) or insn.imm:
                raise _err(idx, "BPF_MOV uses reserved fields", EINVAL)
        elif insn.off not in (0, 8, 16, 32) or insn.imm:
            raise _err(idx, "BPF_MOV uses reserved fields", EINVAL)
        check_reg_read(state, idx, insn.src)
    elif insn.src or insn.off:
        raise _err(idx, "BPF_MOV uses reserved fields", EINVAL)
    check_reg_write(idx, d)
    if insn.source == Src.K:
        v = insn.imm & U64 if is64 else insn.imm & 0xFFFFFFFF
        if is64 and insn.imm < 0:
            v = insn.imm & U64
        return state.with_reg(d, Reg(type=RegType.SCALAR_VALUE, scalar=_known_const(v),
                                     subreg_def=0 if is64 else idx + 1))
    s = insn.src
    src = state.reg(s)
    if is64:
        if insn.off == 0:
            src = assign_scalar_id_before_mov(env, src)
            state = state.with_reg(s, src)
            return state.with_reg(d, replace(src, subreg_def=0))
        if is_pointer_value(env, src):
            raise _err(idx, f"R{s} sign-extension part of pointer")
        if src.type == RegType.SCALAR_VALUE:
            no_sext = src.scalar.umax < (1 << (insn.off - 1))
            if no_sext:
                src = assign_scalar_id_before_mov(env, src)
                state = state.with_reg(s, src)
            out = replace(src, id=src.id if no_sext else 0, subreg_def=0,
                          scalar=sc.coerce_reg_to_size_sx(src.scalar, insn.off >> 3,
                                                          getattr(env.profile, "movsx_subreg_bounds", False)))
            return state.with_reg(d, out)
        return state.with_reg(d, unknown_scalar())
    # 32-bit moves
    if is_pointer_value(env, src):
        raise _err(idx, f"R{s} partial copy of pointer")
    if src.type == RegType.SCALAR_VALUE:
        if insn.off == 0:
            is_u32 = sc.get_reg_width(src.scalar) <= 32
            if is_u32:
                src = assign_scalar_id_before_mov(env, src)
                state = state.with_reg(s, src)
            out = replace(src, id=src.id if is_u32 else 0, subreg_def=idx + 1)
            out = replace(out, scalar=sc.reg_bounds_sync(sc.zext_32_to_64(out.scalar)))
        else:
            no_sext = src.scalar.umax < (1 << (insn.off - 1))
            if no_sext:
                src = assign_scalar_id_before_mov(env, src)
                state = state.with_reg(s, src)
            out = replace(src, id=src.id if no_sext else 0, subreg_def=idx + 1)
            s2 = sc.coerce_subreg_to_size_sx(out.scalar, insn.off >> 3)
            out = replace(out, scalar=sc.reg_bounds_sync(sc.zext_32_to_64(s2)))
        return state.with_reg(d, out)
    out = Reg(type=RegType.SCALAR_VALUE, scalar=sc.reg_bounds_sync(sc.zext_32_to_64(Scalar.unknown())),
              subreg_def=idx + 1)
    return state.with_reg(d, out)


def _adjust_reg_min_max_vals(env: Env, state: State, idx: int, insn: Alu, is64: bool,
                             precision: Callable[[int], None], fork: Callable[[State], None]) -> State:
    op = insn.op
    d = insn.dst
    dst = state.reg(d)
    ptr_reg = dst if dst.type != RegType.SCALAR_VALUE else None
    if insn.source == Src.X:
        src = state.reg(insn.src)
        if src.type != RegType.SCALAR_VALUE:
            if dst.type != RegType.SCALAR_VALUE:
                if op == AluOp.SUB and env.profile.allow_ptr_leaks:
                    return state.with_reg(d, unknown_scalar())
                raise _err(idx, f"R{d} pointer {ALU_STR[op]} pointer prohibited")
            precision(d)
            return _adjust_ptr(env, state, idx, insn, is64, src, dst, dst_is_off=True)
        if ptr_reg is not None:
            precision(insn.src)
            return _adjust_ptr(env, state, idx, insn, is64, dst, src, dst_is_off=False)
        if dst.precise:
            precision(insn.src)
        off_scalar = src.scalar
    else:
        off_scalar = Scalar.const(insn.imm & U64)
        if ptr_reg is not None:
            return _adjust_ptr(env, state, idx, insn, is64,
                               dst, Reg(type=RegType.SCALAR_VALUE, scalar=off_scalar), dst_is_off=False)
    # two scalars
    forked = sc.maybe_fork_scalars(op, dst.scalar, off_scalar) if op in (AluOp.AND, AluOp.OR) else None
    if forked is not None:
        here, other = forked
        fork(state.with_reg(d, replace(dst, scalar=other, id=0 if other.is_const() else dst.id)))
        dst = replace(dst, scalar=here, id=0 if here.is_const() else dst.id)
    res = sc.alu(op, dst.scalar, off_scalar, is64, insn.off if op in (AluOp.DIV, AluOp.MOD) else 0)
    res, line = sc.reg_bounds_sanity_check(res, "alu")
    if line:
        env.verbose(line)
    out = replace(dst, scalar=res, id=0, off=0, subreg_def=0 if is64 else idx + 1)
    if (env.profile.bpf_capable and op in (AluOp.ADD, AluOp.SUB) and dst.id
            and sc.is_reg_const(off_scalar, not is64)):
        out = _link_add_const(out, dst, off_scalar, op, is64)
    return state.with_reg(d, out)


def _link_add_const(out: Reg, dst: Reg, src: Scalar, op: AluOp, is64: bool) -> Reg:
    """Linked register tracking: `rX += const` keeps rX linked to its copies with a delta."""
    from .regs import BPF_ADD_CONST, BPF_ADD_CONST32, BPF_ADD_CONST64

    val = sc.reg_const_value(src, not is64)
    sval = val - (1 << 64) if val >> 63 else val
    if is64 and not (-(1 << 31) <= sval < (1 << 31)):
        return out
    off = _s32(val)
    if op == AluOp.SUB:
        if off == -(1 << 31):
            return out
        off = -off
    if dst.id & BPF_ADD_CONST:
        return out
    return replace(out, id=dst.id | (BPF_ADD_CONST64 if is64 else BPF_ADD_CONST32), off=off)


def _sane_offset(idx: int, reg_scalar: Scalar, reg_off: int, type_str: str) -> None:
    known = reg_scalar.var_off.is_const()
    val = reg_scalar.var_off.value
    sval = val - (1 << 64) if val >> 63 else val
    if known and (sval >= BPF_MAX_VAR_OFF or sval <= -BPF_MAX_VAR_OFF):
        raise _err(idx, f"math between {type_str} pointer and {sval} is not allowed")
    if reg_off >= BPF_MAX_VAR_OFF or reg_off <= -BPF_MAX_VAR_OFF:
        raise _err(idx, f"{type_str} pointer offset {reg_off} is not allowed")
    if reg_scalar.smin == S64_MIN:
        raise _err(idx, f"math between {type_str} pointer and register with unbounded min value is not allowed")
    if reg_scalar.smin >= BPF_MAX_VAR_OFF or reg_scalar.smin <= -BPF_MAX_VAR_OFF:
        raise _err(idx, f"value {reg_scalar.smin} makes {type_str} pointer be out of bounds")


_ARITH_OK = {RegType.PTR_TO_CTX, RegType.PTR_TO_MAP_VALUE, RegType.PTR_TO_MAP_KEY, RegType.PTR_TO_STACK,
             RegType.PTR_TO_PACKET_META, RegType.PTR_TO_PACKET, RegType.PTR_TO_TP_BUFFER, RegType.PTR_TO_BTF_ID,
             RegType.PTR_TO_MEM, RegType.PTR_TO_BUF, RegType.PTR_TO_FUNC, RegType.CONST_PTR_TO_DYNPTR}


def _ovf(v: int, lo: int, hi: int) -> bool:
    return v < lo or v > hi


def _adjust_ptr(env: Env, state: State, idx: int, insn: Alu, is64: bool, ptr: Reg, off_reg: Reg,
                dst_is_off: bool) -> State:
    d = insn.dst
    op = insn.op
    o = off_reg.scalar
    known = o.var_off.is_const()
    if (known and (o.smin != o.smax or o.umin != o.umax)) or o.smin > o.smax or o.umin > o.umax:
        return state.with_reg(d, unknown_scalar())
    if not is64:
        if op == AluOp.SUB and env.profile.allow_ptr_leaks:
            return state.with_reg(d, unknown_scalar())
        raise _err(idx, f"R{d} 32-bit pointer arithmetic prohibited")
    tstr = reg_str(ptr)
    if ptr.flags & RegFlag.PTR_MAYBE_NULL:
        raise _err(idx, f"R{d} pointer arithmetic on {tstr} prohibited, null-check it first")
    if ptr.type == RegType.PTR_TO_MEM and ptr.flags & RegFlag.PTR_UNTRUSTED:
        return state
    t = ptr.type
    ok = t in _ARITH_OK
    if not ok and t == RegType.PTR_TO_FLOW_KEYS and known:
        ok = True
    if not ok and t in (RegType.PTR_TO_FLOW_KEYS, RegType.CONST_PTR_TO_MAP):
        ok = known and o.smin == 0 and op == AluOp.ADD
    if not ok:
        raise _err(idx, f"R{d} pointer arithmetic on {tstr} prohibited")
    _sane_offset(idx, o, 0, tstr)
    _sane_offset(idx, ptr.scalar, ptr.off, tstr)
    p = ptr.scalar
    out = replace(ptr, id=ptr.id)
    if op == AluOp.ADD:
        v = o.smin
        if known and -(1 << 31) <= ptr.off + v < (1 << 31):
            out = replace(out, off=ptr.off + v)
        else:
            smin, smax = p.smin + o.smin, p.smax + o.smax
            if _ovf(smin, S64_MIN, S64_MAX) or _ovf(smax, S64_MIN, S64_MAX):
                smin, smax = S64_MIN, S64_MAX
            umin, umax = p.umin + o.umin, p.umax + o.umax
            if umin > U64 or umax > U64:
                umin, umax = 0, U64
            var = p.var_off.add(o.var_off)
            out = replace(out, scalar=_ptr_scalar(var, smin, smax, umin, umax))
            if t in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
                out = replace(out, id=env.new_id(), range=0)
    elif op == AluOp.SUB:
        if dst_is_off:
            raise _err(idx, f"R{d} tried to subtract pointer from scalar")
        if t == RegType.PTR_TO_STACK:
            raise _err(idx, f"R{d} subtraction from stack pointer prohibited")
        v = o.smin
        if known and -(1 << 31) <= ptr.off - v < (1 << 31):
            out = replace(out, off=ptr.off - v)
        else:
            smin, smax = p.smin - o.smax, p.smax - o.smin
            if _ovf(smin, S64_MIN, S64_MAX) or _ovf(smax, S64_MIN, S64_MAX):
                smin, smax = S64_MIN, S64_MAX
            if p.umin < o.umax:
                umin, umax = 0, U64
            else:
                umin, umax = p.umin - o.umax, p.umax - o.umin
            var = p.var_off.sub(o.var_off)
            out = replace(out, scalar=_ptr_scalar(var, smin, smax, umin, umax))
            if t in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
                out = replace(out, id=env.new_id())
                if o.smin < 0:
                    out = replace(out, range=0)
    elif op in (AluOp.AND, AluOp.OR, AluOp.XOR):
        raise _err(idx, f"R{d} bitwise operator {ALU_STR[op]} on pointer prohibited")
    else:
        raise _err(idx, f"R{d} pointer arithmetic with {ALU_STR[op]} operator prohibited")
    _sane_offset(idx, out.scalar, out.off, tstr)
    out = replace(out, scalar=sc.reg_bounds_sync(out.scalar), subreg_def=0, precise=False)
    if not env.profile.bypass_spec_v1:
        _sanitize_check_bounds(env, state, idx, d, out)
    return state.with_reg(d, out)


def _sanitize_check_bounds(env: Env, state: State, idx: int, d: int, out: Reg) -> None:
    """sanitize_check_bounds: without CAP_PERFMON the result must stay in bounds."""
    var = out.scalar.var_off
    if out.type == RegType.PTR_TO_STACK:
        v = var.value - (1 << 64) if var.value >> 63 else var.value
        off = out.off + v
        if not var.is_const():
            from .memory import tnum_strn

            raise _err(idx, f"R{d} variable stack access prohibited for !root, var_off={tnum_strn(var)} off={off}")
        if off < -512 or off >= 0:
            raise _err(idx, f"R{d} stack pointer arithmetic goes out of range, prohibited for !root; off={off}")
    elif out.type == RegType.PTR_TO_MAP_VALUE:
        from . import maps

        try:
            maps.check_map_access(env, state.with_reg(d, out), idx, d, 0, 1, False)
        except VerifierError as e:
            raise _err(idx, f"R{d} pointer arithmetic of map value goes out of range, prohibited for !root") from e


def _ptr_scalar(var: Tnum, smin: int, smax: int, umin: int, umax: int) -> Scalar:
    """Pointer offsets carry no 32-bit bounds (__mark_reg32_unbounded)."""
    return Scalar(var, smin, smax, umin, umax, -(1 << 31), (1 << 31) - 1, 0, 0xFFFFFFFF)
