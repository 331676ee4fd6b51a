"""Helper calls: check_helper_call / check_func_arg (kernel/bpf/verifier.c, 6.18).

The prototypes are data (helper_protos.py). The order of the checks is the kernel's:
prototype lookup and program-type restriction, GPL, every argument left to right (read_ok, type,
offset, release, then the per-kind memory checks), raw-mode stack writes, release, per-helper
rules (tail_call leak check, bpf_loop callback), R1-R5 clobber, R0 typing, map/function
compatibility, packet-pointer invalidation.
"""
from __future__ import annotations

import os
from dataclasses import replace
from typing import TYPE_CHECKING

from ..errors import VerifierError
from ..isa.insn import Insn
from .argcheck import CallArgMeta, check_helper_mem_access, check_mem_size_reg, mark_chain_precision
from .helper_protos import (
    BPF_FUNC_MAX_ID,
    Arg,
    ArgFlag,
    ArgType,
    Proto,
    Ret,
    func_id_name,
    get_proto,
    helper_allowed,
)
from .memory import (
    ModelUnsupported,
    check_ptr_off_reg,
    err,
    is_pointer_value,
    mark_reg_invalid,
    reg_str,
    reg_type_str,
    register_is_null,
    unknown_reg,
)
from .regs import NOT_INIT, Reg, RegFlag, RegType, pointer
from .scalar import Scalar
from .state import RefState, SlotKind, State

if TYPE_CHECKING:
    from .env import Env

EACCES = 13
EINVAL = 22
EFAULT = 14
U64 = (1 << 64) - 1
U32 = (1 << 32) - 1

INVALID_FUNC = "invalid func {name}#{id}"
HELPER_NOT_ALLOWED = "program of this type cannot use helper {name}#{id}"
GPL_ONLY = "cannot call GPL-restricted function from non-GPL compatible program"
LEAKS_ADDR_INTO_HELPER = "R{regno} leaks addr into helper function"
HELPER_PKT_ACCESS = "helper access to the packet is not allowed"
TYPE_EXPECTED = "R{regno} type={type} expected={expected}"
RELEASE_ZERO_OFFSET = "R{regno} must have zero offset when passed to release func or trusted arg to kfunc"
RELEASE_NOT_REFERENCED = "R{regno} must be referenced when passed to release function"
MORE_THAN_ONE_REF = "more than one arg with ref_obj_id R{regno} {id} {id2}"
REF_NOT_ACQUIRED = "func {name}#{id} reference has not been acquired before"
BAD_MAP_FOR_FUNC = "cannot pass map_type {map_type} into func {name}#{id}"
UNRELEASED_REFERENCE = "Unreleased reference id={id} alloc_insn={insn}"
WOULD_LEAK = "{prefix} would lead to reference leak"
REG_NOT_READ_OK = "R{regno} !read_ok"
TAIL_CALL_NOT_PROG_ARRAY = "expected prog array map for tail call"  # printed without "\n"

_GPL_LICENSES = {"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"}


def _nr_cpu_ids() -> int:
    """nr_cpu_ids of this machine (bpf_get_smp_processor_id's return range depends on it)."""
    try:
        with open("/sys/devices/system/cpu/possible") as f:
            last = f.read().strip().split(",")[-1].split("-")[-1]
        return int(last) + 1
    except (OSError, ValueError):
        return os.cpu_count() or 1


NR_CPU_IDS = _nr_cpu_ids()

# bpf_reg_types: compatible register types per argument kind (type, flags), in the kernel's order
_T = RegType
_MEM_TYPES = ((_T.PTR_TO_STACK, 0), (_T.PTR_TO_PACKET, 0), (_T.PTR_TO_PACKET_META, 0), (_T.PTR_TO_MAP_KEY, 0),
              (_T.PTR_TO_MAP_VALUE, 0), (_T.PTR_TO_MEM, 0), ("ringbuf_mem", 0), (_T.PTR_TO_BUF, 0),
              (_T.PTR_TO_BTF_ID, RegFlag.PTR_TRUSTED))
_SOCK_TYPES = ((_T.PTR_TO_SOCK_COMMON, 0), (_T.PTR_TO_SOCKET, 0), (_T.PTR_TO_TCP_SOCK, 0), (_T.PTR_TO_XDP_SOCK, 0))
_COMPATIBLE: dict[ArgType, tuple[tuple[object, int], ...]] = {
    ArgType.PTR_TO_MAP_KEY: _MEM_TYPES,
    ArgType.PTR_TO_MAP_VALUE: _MEM_TYPES,
    ArgType.PTR_TO_MEM: _MEM_TYPES,
    ArgType.CONST_SIZE: ((_T.SCALAR_VALUE, 0),),
    ArgType.CONST_SIZE_OR_ZERO: ((_T.SCALAR_VALUE, 0),),
    ArgType.CONST_MAP_PTR: ((_T.CONST_PTR_TO_MAP, 0),),
    ArgType.PTR_TO_CTX: ((_T.PTR_TO_CTX, 0),),
    ArgType.PTR_TO_SOCK_COMMON: _SOCK_TYPES,
    ArgType.PTR_TO_BTF_ID_SOCK_COMMON: _SOCK_TYPES + ((_T.PTR_TO_BTF_ID, 0), (_T.PTR_TO_BTF_ID, RegFlag.PTR_TRUSTED)),
    ArgType.PTR_TO_SOCKET: ((_T.PTR_TO_SOCKET, 0),),
    ArgType.PTR_TO_FUNC: ((_T.PTR_TO_FUNC, 0),),
    ArgType.PTR_TO_STACK: ((_T.PTR_TO_STACK, 0),),
}

# check_func_arg_reg_off: types where fixed and variable offsets are allowed
_OFF_OK = {_T.PTR_TO_STACK, _T.PTR_TO_PACKET, _T.PTR_TO_PACKET_META, _T.PTR_TO_MAP_KEY, _T.PTR_TO_MAP_VALUE,
           _T.PTR_TO_MEM, _T.PTR_TO_BUF, _T.PTR_TO_ARENA, _T.SCALAR_VALUE}

# enum bpf_map_type numbers used by check_map_func_compatibility
_PROG_ARRAY, _PERF_EVENT_ARRAY, _DEVMAP, _CPUMAP, _XSKMAP, _DEVMAP_HASH = 3, 4, 14, 16, 17, 25
_SOCKMAP, _SOCKHASH, _RINGBUF = 15, 18, 27
_ARRAY, _PERCPU_ARRAY = 2, 6


def _type_name(t: object, flags: int) -> str:
    if t == "ringbuf_mem":
        return "ringbuf_mem"
    assert isinstance(t, RegType)
    return reg_type_str(t, RegFlag(flags))


# --- references (the helper side of acquire/release; see refs.py for the rest) --------------


def acquire_reference(env: Env, state: State, insn_idx: int) -> tuple[State, int]:
    """acquire_reference: a new reference id, remembered with the acquiring instruction."""
    rid = env.new_id()
    return replace(state, refs=state.refs + (RefState(rid, insn_idx),)), rid


def release_reference(env: Env, state: State, ref_obj_id: int) -> State | None:
    """release_reference: drop the reference and invalidate every copy; None if not held."""
    from .packet import map_regs

    if not any(r.id == ref_obj_id and r.kind == "ptr" for r in state.refs):
        return None
    state = replace(state, refs=tuple(r for r in state.refs if not (r.id == ref_obj_id and r.kind == "ptr")))
    return map_regs(state, lambda r: mark_reg_invalid(env, r) if r.ref_obj_id == ref_obj_id else r)


def check_resource_leak(env: Env, state: State, insn_idx: int, prefix: str) -> None:
    """check_resource_leak(exception_exit=false, check_lock=true): any reference held (in frame 0)
    rejects the instruction with one line per reference and '<prefix> would lead to reference leak'."""
    if state.curframe:
        return
    lines = [UNRELEASED_REFERENCE.format(id=r.id, insn=r.insn_idx) for r in state.refs if r.kind == "ptr"]
    if lines:
        raise VerifierError(insn_idx, lines + [WOULD_LEAK.format(prefix=prefix)], EINVAL)


# --- argument checks -------------------------------------------------------------------------


def _check_btf_id_arg(env: Env, insn_idx: int, regno: int, reg: Reg, arg: Arg) -> None:
    """check_reg_type for a PTR_TO_BTF_ID register: the pointee must be (or start with) the
    struct the helper's arg_btf_id names."""
    from .btf_access import btf_struct_ids_match, target_btf

    if arg.type != ArgType.PTR_TO_BTF_ID_SOCK_COMMON or reg.btf is None:
        raise ModelUnsupported("PTR_TO_BTF_ID helper arguments")
    btf = target_btf(env)
    want = btf.find("sock_common")
    if want is None:
        raise ModelUnsupported("no struct sock_common in the BTF")
    if not btf_struct_ids_match(btf, reg.btf.type_id, reg.off, want.id, False, []):
        raise err(insn_idx, f"R{regno} is of type {reg.btf.name} but sock_common is expected")


def _check_reg_type(env: Env, state: State, insn_idx: int, regno: int, arg: Arg) -> None:
    reg = state.reg(regno)
    flags = reg.flags
    if arg.flags & ArgFlag.RDONLY:
        flags &= ~RegFlag.MEM_RDONLY
    if arg.flags & ArgFlag.MAYBE_NULL:
        flags &= ~RegFlag.PTR_MAYBE_NULL
    compatible = _COMPATIBLE[arg.type]
    for t, f in compatible:
        if t == reg.type and int(f) == int(flags):
            if reg.type == RegType.PTR_TO_BTF_ID:
                _check_btf_id_arg(env, insn_idx, regno, reg, arg)
            return
    expected = ", ".join(_type_name(t, f) for t, f in compatible)
    raise err(insn_idx, TYPE_EXPECTED.format(regno=regno, type=reg_str(reg), expected=expected))


def check_func_arg_reg_off(env: Env, state: State, insn_idx: int, reg: Reg, regno: int, release: bool) -> None:
    """check_func_arg_reg_off: which pointer types may be passed with a (fixed or variable) offset."""
    if release and reg.off:
        raise err(insn_idx, RELEASE_ZERO_OFFSET.format(regno=regno), EINVAL)
    if reg.type in _OFF_OK and not reg.flags:
        return
    if reg.type in (RegType.PTR_TO_MEM, RegType.PTR_TO_BUF) and reg.flags == RegFlag.MEM_RDONLY:
        return
    fixed_ok = reg.type == RegType.PTR_TO_BTF_ID and not reg.flags & ~(RegFlag.PTR_TRUSTED | RegFlag.MEM_RCU)
    check_ptr_off_reg(env, state, insn_idx, reg, regno, fixed_off_ok=fixed_ok)


def _constant_map_key(env: Env, state: State, key: Reg, key_size: int) -> int:
    """get_constant_map_key: the key's value when it is statically known on the stack, else -1."""
    from .stack import is_spilled_scalar_reg, slot_of

    if not env.profile.bpf_capable or key.type != RegType.PTR_TO_STACK or key.flags:
        return -1
    if not key.scalar.var_off.is_const():
        return -1
    v = key.scalar.var_off.value
    stack_off = key.off + (v - (1 << 64) if v >> 63 else v)
    spi, off = slot_of(stack_off)
    frame = state.frames[key.frameno]
    if spi >= len(frame.stack):
        return -1
    slot = frame.stack[spi]
    zero = 0
    i = off
    while i >= 0 and slot.kinds[i] == SlotKind.ZERO:
        zero += 1
        i -= 1
    if zero >= key_size:
        return 0
    if not is_spilled_scalar_reg(slot):
        return -1
    spill = 0
    i = off
    while i >= 0 and slot.kinds[i] == SlotKind.SPILL:
        spill += 1
        i -= 1
    if spill != key_size or not slot.spilled.scalar.var_off.is_const():
        return -1
    return slot.spilled.scalar.var_off.value


def check_func_arg(env: Env, state: State, insn_idx: int, argno: int, meta: CallArgMeta, proto: Proto) -> State:
    """check_func_arg for argument `argno` (register argno + 1)."""
    from .packet import may_access_direct_pkt_data

    if argno >= len(proto.args) or proto.args[argno].type == ArgType.DONTCARE:
        return state
    arg = proto.args[argno]
    regno = argno + 1
    reg = state.reg(regno)
    if reg.type == RegType.NOT_INIT:
        raise err(insn_idx, REG_NOT_READ_OK.format(regno=regno))
    if arg.type == ArgType.ANYTHING:
        if is_pointer_value(env, reg):
            raise err(insn_idx, LEAKS_ADDR_INTO_HELPER.format(regno=regno))
        return state
    if reg.type in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META) and not may_access_direct_pkt_data(
            env, meta.pkt_access, write=False):
        raise err(insn_idx, HELPER_PKT_ACCESS)
    if not (register_is_null(reg) and arg.flags & ArgFlag.MAYBE_NULL):
        _check_reg_type(env, state, insn_idx, regno, arg)
        check_func_arg_reg_off(env, state, insn_idx, reg, regno, arg.is_release)
    elif getattr(env.profile, "null_arg_precise", False):
        # the later 6.18.44 build (measured): a NULL taken for a maybe-NULL pointer is made precise
        mark_chain_precision(env, regno)
    if arg.is_release:
        if not reg.ref_obj_id and not register_is_null(reg):
            raise err(insn_idx, RELEASE_NOT_REFERENCED.format(regno=regno), EINVAL)
        meta.release_regno = regno
    if reg.ref_obj_id:
        if meta.ref_obj_id:
            raise err(insn_idx, MORE_THAN_ONE_REF.format(regno=regno, id=reg.ref_obj_id, id2=meta.ref_obj_id))
        meta.ref_obj_id = reg.ref_obj_id

    t = arg.type
    write = "write" if arg.flags & ArgFlag.WRITE else "read"
    if t == ArgType.CONST_MAP_PTR:
        meta.map = reg.map
    elif t == ArgType.PTR_TO_MAP_KEY:
        assert meta.map is not None
        state = check_helper_mem_access(env, state, regno, meta.map.key_size, False, None,
                                        access_type="read", insn_idx=insn_idx)
        if meta.map.map_type in (_ARRAY, _PERCPU_ARRAY):
            meta.const_map_key = _constant_map_key(env, state, state.reg(regno), meta.map.key_size)
    elif t == ArgType.PTR_TO_MAP_VALUE:
        if arg.flags & ArgFlag.MAYBE_NULL and register_is_null(reg):
            return state
        assert meta.map is not None
        meta.raw_mode = bool(arg.flags & ArgFlag.UNINIT)
        state = check_helper_mem_access(env, state, regno, meta.map.value_size, False, meta,
                                        access_type=write, insn_idx=insn_idx)
    elif t == ArgType.PTR_TO_FUNC:
        meta.subprogno = reg.subprogno
    elif t == ArgType.PTR_TO_MEM:
        meta.raw_mode = bool(arg.flags & ArgFlag.UNINIT)
        if arg.flags & ArgFlag.FIXED_SIZE:
            state = check_helper_mem_access(env, state, regno, arg.size, False, meta,
                                            access_type=write, insn_idx=insn_idx)
    elif t in (ArgType.CONST_SIZE, ArgType.CONST_SIZE_OR_ZERO):
        prev = proto.args[argno - 1]
        state = check_mem_size_reg(env, state, regno - 1, regno, t == ArgType.CONST_SIZE_OR_ZERO,
                                   access_type="write" if prev.flags & ArgFlag.WRITE else "read",
                                   meta=meta, insn_idx=insn_idx)
    return state


def _check_map_func_compatibility(insn_idx: int, meta: CallArgMeta, func_id: int) -> None:
    m = meta.map
    if m is None:
        return
    name = func_id_name(func_id)
    fn = name[4:]
    mt = m.map_type
    ok = True
    if mt == _PROG_ARRAY:
        ok = fn == "tail_call"
    elif mt == _PERF_EVENT_ARRAY:
        ok = fn in ("perf_event_read", "perf_event_output", "skb_output", "perf_event_read_value", "xdp_output")
    elif mt in (_DEVMAP, _DEVMAP_HASH, _XSKMAP):
        ok = fn in ("redirect_map", "map_lookup_elem")
    elif mt == _CPUMAP:
        ok = fn == "redirect_map"
    elif mt == _RINGBUF:
        ok = fn.startswith("ringbuf_")
    if ok:
        if fn == "tail_call":
            ok = mt == _PROG_ARRAY
        elif fn in ("perf_event_read", "perf_event_output", "perf_event_read_value", "skb_output", "xdp_output"):
            ok = mt == _PERF_EVENT_ARRAY
        elif fn == "redirect_map":
            ok = mt in (_DEVMAP, _DEVMAP_HASH, _CPUMAP, _XSKMAP)
        elif fn.startswith("ringbuf_"):
            ok = mt == _RINGBUF
    if not ok:
        raise err(insn_idx, BAD_MAP_FOR_FUNC.format(map_type=mt, name=name, id=func_id), EINVAL)


# --- callbacks -------------------------------------------------------------------------------


def set_loop_callback_state(env: Env, caller: object, callee: object, insn_idx: int) -> object:
    """set_loop_callback_state: callback(u32 index, void *ctx); returns the callee Frame.
    R1 = unknown scalar (the index), R2 = caller's R3, R3-R5 NOT_INIT, return range [0, 1]."""
    from .state import Frame

    assert isinstance(caller, Frame) and isinstance(callee, Frame)
    regs = list(callee.regs)
    regs[1] = unknown_reg()
    regs[2] = caller.regs[3]
    regs[3] = regs[4] = regs[5] = NOT_INIT
    return replace(callee, regs=tuple(regs), in_callback=True, callback_ret_range=(0, 1))


def fn_name_is(func_id: int, name: str) -> bool:
    return func_id_name(func_id) == "bpf_" + name


# --- the call ---------------------------------------------------------------------------------


def _ret_reg(env: Env, insn_idx: int, proto: Proto, meta: CallArgMeta, func_id: int) -> Reg:
    r = proto.ret
    if r == Ret.INTEGER:
        if func_id == 8:  # get_smp_processor_id: do_refine_retval_range
            hi = NR_CPU_IDS - 1
            from .memory import tnum_range

            return Reg(type=RegType.SCALAR_VALUE,
                       scalar=Scalar(tnum_range(0, hi), 0, hi, 0, hi, 0, hi, 0, hi))
        return unknown_reg()
    if r == Ret.VOID:
        return NOT_INIT
    flags = RegFlag.PTR_MAYBE_NULL if proto.ret_maybe_null else RegFlag.NONE
    if r == Ret.PTR_TO_MAP_VALUE:
        assert meta.map is not None
        if (func_id == 1 and meta.map.map_type in (_ARRAY, _PERCPU_ARRAY)
                and 0 <= meta.const_map_key < meta.map.max_entries):
            flags &= ~RegFlag.PTR_MAYBE_NULL
        return pointer(RegType.PTR_TO_MAP_VALUE, flags=flags, map=meta.map)
    t = {Ret.PTR_TO_SOCKET: RegType.PTR_TO_SOCKET, Ret.PTR_TO_SOCK_COMMON: RegType.PTR_TO_SOCK_COMMON,
         Ret.PTR_TO_TCP_SOCK: RegType.PTR_TO_TCP_SOCK, Ret.PTR_TO_MEM: RegType.PTR_TO_MEM}[r]
    return pointer(t, flags=flags)


def check_helper_call(env: Env, state: State, insn: Insn, insn_idx: int) -> State:
    """check_helper_call: verify a `call <helper>` and return the state after it."""
    from . import memory
    from .packet import clear_all_pkt_pointers

    func_id = insn.imm
    name = func_id_name(func_id)
    prog_type = env.prog.prog_type
    if not 0 <= func_id < BPF_FUNC_MAX_ID:
        raise err(insn_idx, INVALID_FUNC.format(name=name, id=func_id), EINVAL)
    if not helper_allowed(prog_type, func_id, perfmon=env.profile.allow_ptr_leaks,
                          xdp_adjust_meta=getattr(env.profile, "xdp_adjust_meta", True)):
        raise err(insn_idx, HELPER_NOT_ALLOWED.format(name=name, id=func_id), EINVAL)
    proto = get_proto(prog_type, func_id)
    if proto is None:
        raise ModelUnsupported(f"helper {name}#{func_id} has no prototype in the model")
    if proto.gpl_only and env.prog.license not in _GPL_LICENSES:
        raise err(insn_idx, GPL_ONLY, EINVAL)

    meta = CallArgMeta(func_id=func_id, pkt_access=proto.pkt_access)
    for i in range(5):
        state = check_func_arg(env, state, insn_idx, i, meta, proto)

    if fn_name_is(func_id, "tail_call") and (meta.map is None or meta.map.map_type != _PROG_ARRAY):
        # record_func_key; the kernel prints this line without a trailing newline
        raise err(insn_idx, TAIL_CALL_NOT_PROG_ARRAY, EINVAL)
    if fn_name_is(func_id, "tail_call"):  # record_func_key: a constant in-range index is made precise
        r3 = state.reg(3)
        assert meta.map is not None
        if (r3.type == RegType.SCALAR_VALUE and r3.scalar.var_off.is_const()
                and r3.scalar.var_off.value < meta.map.max_entries):
            mark_chain_precision(env, 3)

    # raw mode: the helper fills the buffer, byte by byte (STACK_MISC)
    for i in range(meta.access_size):
        state = memory.check_mem_access(env, state, insn_idx, meta.regno, i, 1, "write", -1, insn=insn)

    if meta.release_regno:
        released = None
        if meta.ref_obj_id:
            released = release_reference(env, state, meta.ref_obj_id)
        elif register_is_null(state.reg(meta.release_regno)):
            released = state
        if released is None:
            raise err(insn_idx, REF_NOT_ACQUIRED.format(name=name, id=func_id), EINVAL)
        state = released

    fn = name[4:]
    if fn == "tail_call":
        check_resource_leak(env, state, insn_idx, "tail_call")
    elif fn == "loop":
        state = _push_loop_callback(env, state, insn, insn_idx, meta)

    for r in range(6):
        state = state.with_reg(r, NOT_INIT)
    r0 = _ret_reg(env, insn_idx, proto, meta, func_id)
    if r0.maybe_null:
        r0 = replace(r0, id=env.new_id())
    if proto.acquire:
        state, rid = acquire_reference(env, state, insn_idx)
        r0 = replace(r0, id=rid, ref_obj_id=rid)
    state = state.with_reg(0, r0)

    _check_map_func_compatibility(insn_idx, meta, func_id)
    if proto.changes_pkt_data and fn != "tail_call":
        state = clear_all_pkt_pointers(state, env)
    return state


def _push_loop_callback(env: Env, state: State, insn: Insn, insn_idx: int, meta: CallArgMeta) -> State:
    """bpf_loop: explore the callback (calls.push_callback_call) unless its depth limit is reached."""
    # update_loop_inline_state: R4 (flags) is made precise while it is zero at every visit of this call
    # (loop_flag_is_zero), then R1 (the count) always
    inline = env.loop_inline
    r4 = state.reg(4)
    if insn_idx not in inline or inline[insn_idx][0]:
        flag_zero = register_is_null(r4)
        if flag_zero:
            mark_chain_precision(env, 4)
        if insn_idx not in inline:
            inline[insn_idx] = (flag_zero, meta.subprogno)
        else:
            inline[insn_idx] = (flag_zero and inline[insn_idx][1] == meta.subprogno, inline[insn_idx][1])
    mark_chain_precision(env, 1)
    r1 = state.reg(1)
    try:
        from . import calls  # type: ignore[attr-defined]  # the explorer's module
    except ImportError as e:  # pragma: no cover - until calls.py lands
        raise ModelUnsupported("bpf_loop needs model/calls.py") from e
    depth = getattr(state.cur, "callback_depth", 0)
    if depth < r1.scalar.umax:
        return calls.push_callback_call(env, state, insn, insn_idx, meta.subprogno, set_loop_callback_state)
    explorer = getattr(env, "explorer", None)
    if explorer is not None and env.log_level >= 2:
        explorer.log.append(f"frame{state.curframe} bpf_loop iteration limit reached")
    return state.with_frame(replace(state.cur, callback_depth=0))
