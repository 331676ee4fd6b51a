"""A deliberately small path explorer for testing the memory/helper rules end to end, and a tiny
instruction builder. (The real explorer is model/explore.py; this one only knows what the tests
below need: mov, add/and with immediates, pointer += scalar, loads, stores, atomics, LD_ABS, helper
calls, null checks, packet-range checks, exit.)
"""
from __future__ import annotations

import re
import struct
from dataclasses import replace

import pytest

from verifier_model.errors import VerifierError
from verifier_model.isa.codec import decode
from verifier_model.isa.insn import Alu, Insn, Jmp, LegacyLoad, Load, LoadImm64, Store, StoreImm
from verifier_model.isa.opcodes import AluOp, JmpOp, Mode, ProgType, Src
from verifier_model.model import helpers, memory, packet
from verifier_model.model.env import Env
from verifier_model.model.profiles import get_profile
from verifier_model.model.regs import NOT_INIT, Reg, RegFlag, RegType, pointer
from verifier_model.model.scalar import Scalar, Tnum
from verifier_model.model.stack import assign_scalar_id_before_mov
from verifier_model.model.state import Frame, State
from verifier_model.program import MapDef, Program

# --- instruction builder ----------------------------------------------------------------------

_SZ = {1: 0x10, 2: 0x08, 4: 0x00, 8: 0x18}


def _enc(code: int, dst: int = 0, src: int = 0, off: int = 0, imm: int = 0) -> bytes:
    return struct.pack("<BBhi", code, (src << 4) | dst, off, imm)


def mov(d: int, imm: int) -> bytes:
    return _enc(0xB7, d, 0, 0, imm)


def movr(d: int, s: int) -> bytes:
    return _enc(0xBF, d, s)


def add(d: int, imm: int) -> bytes:
    return _enc(0x07, d, 0, 0, imm)


def addr(d: int, s: int) -> bytes:
    return _enc(0x0F, d, s)


def and_(d: int, imm: int) -> bytes:
    return _enc(0x57, d, 0, 0, imm)


def ldx(sz: int, d: int, s: int, off: int) -> bytes:
    return _enc(0x61 | _SZ[sz], d, s, off)


def ldsx(sz: int, d: int, s: int, off: int) -> bytes:
    return _enc(0x81 | _SZ[sz], d, s, off)


def stx(sz: int, d: int, s: int, off: int) -> bytes:
    return _enc(0x63 | _SZ[sz], d, s, off)


def st(sz: int, d: int, off: int, imm: int) -> bytes:
    return _enc(0x62 | _SZ[sz], d, 0, off, imm)


def atomic(sz: int, d: int, s: int, off: int, op: int) -> bytes:
    return _enc(0xC3 | _SZ[sz], d, s, off, op)


def call(n: int) -> bytes:
    return _enc(0x85, 0, 0, 0, n)


def exit_() -> bytes:
    return _enc(0x95)


def ret0() -> bytes:
    return mov(0, 0) + exit_()


def jmp(op: int, d: int, imm: int, off: int) -> bytes:
    return _enc(0x05 | op, d, 0, off, imm)


def jmpr(op: int, d: int, s: int, off: int) -> bytes:
    return _enc(0x0D | op, d, s, off)


def ldmap(d: int, idx: int = 0) -> bytes:
    return _enc(0x18, d, 1, 0, idx) + _enc(0)


def ldabs(sz: int, imm: int) -> bytes:
    return _enc(0x20 | _SZ[sz], 0, 0, 0, imm)


def ldind(sz: int, s: int, imm: int) -> bytes:
    return _enc(0x40 | _SZ[sz], 0, s, 0, imm)


JEQ, JGT, JGE, JNE, JLT, JLE = 0x10, 0x20, 0x30, 0x50, 0xA0, 0xB0


def program(code: bytes, prog_type: int = ProgType.XDP, maps: tuple[MapDef, ...] = (),
            license: str = "GPL") -> Program:
    insns = list(decode(code))
    for i, insn in enumerate(insns):
        if isinstance(insn, LoadImm64) and insn.src == 1:
            insns[i] = replace(insn, sym=maps[insn.imm].name)
    return Program(tuple(insns), prog_type=ProgType(prog_type), maps=maps, license=license)


# --- the mini explorer ------------------------------------------------------------------------


def initial_state() -> State:
    regs = [NOT_INIT] * 11
    regs[1] = pointer(RegType.PTR_TO_CTX)
    regs[10] = pointer(RegType.PTR_TO_STACK)
    return State(frames=(Frame(regs=tuple(regs)),))


def _ptr_add(env: Env, reg: Reg, s: Scalar) -> Reg:
    if s.is_const():
        v = s.value - (1 << 64) if s.value >> 63 else s.value
        return replace(reg, off=reg.off + v)
    var = memory.tnum_add(reg.scalar.var_off, s.var_off)
    sc = Scalar(var, reg.scalar.smin + s.smin, reg.scalar.smax + s.smax, reg.scalar.umin + s.umin,
                reg.scalar.umax + s.umax, -(1 << 31), (1 << 31) - 1, 0, (1 << 32) - 1)
    sc = memory._sync(sc)
    out = replace(reg, scalar=sc)
    if reg.type in (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META):
        out = replace(out, id=env.new_id(), range=0)
    return out


def _alu(env: Env, state: State, insn: Alu) -> State:
    d = state.reg(insn.dst)
    if insn.op == AluOp.MOV:
        if insn.source == Src.K:
            return state.with_reg(insn.dst, memory.const_reg(insn.imm))
        memory.check_reg_read(state, state.insn_idx, insn.src)
        src = state.reg(insn.src)
        src = assign_scalar_id_before_mov(env, src)
        state = state.with_reg(insn.src, src)
        return state.with_reg(insn.dst, src)
    other = memory.const_reg(insn.imm).scalar if insn.source == Src.K else state.reg(insn.src).scalar
    if insn.op == AluOp.ADD:
        if d.is_pointer:
            return state.with_reg(insn.dst, _ptr_add(env, d, other))
        if d.scalar.is_const() and other.is_const():
            return state.with_reg(insn.dst, memory.const_reg(d.scalar.value + other.value))
        return state.with_reg(insn.dst, memory.unknown_reg())
    if insn.op == AluOp.AND:
        assert insn.source == Src.K and insn.imm >= 0
        t = Tnum(d.scalar.var_off.value & insn.imm, d.scalar.var_off.mask & insn.imm)
        s = memory._sync(Scalar(t, 0, insn.imm, 0, insn.imm, 0, insn.imm, 0, insn.imm))
        return state.with_reg(insn.dst, Reg(type=RegType.SCALAR_VALUE, scalar=s))
    raise NotImplementedError(insn)


def _null_refine(state: State, regno: int, is_null: bool) -> State:
    reg = state.reg(regno)
    rid = reg.id

    def upd(r: Reg) -> Reg:
        if r.maybe_null and r.id == rid:
            if is_null:
                return memory.const_reg(0)
            return replace(r, flags=r.flags & ~RegFlag.PTR_MAYBE_NULL, id=0)
        return r

    state = packet.map_regs(state, upd)
    if is_null and reg.ref_obj_id:
        state = replace(state, refs=tuple(x for x in state.refs if x.id != reg.ref_obj_id))
    return state


def _branch(env: Env, state: State, insn: Jmp) -> tuple[State | None, State | None]:
    """(fall-through, taken) states; None for an impossible edge."""
    d = state.reg(insn.dst)
    if insn.source == Src.X:
        s = state.reg(insn.src)
        m = packet.try_match_pkt_pointers(env, insn, d, s, state, state)
        if m is not None:
            return m
        if d.is_scalar and s.is_scalar and d.scalar.is_const() and s.scalar.is_const():
            return _const_branch(insn.op, d.scalar.value, s.scalar.value, state)
        return state, state
    if d.maybe_null and insn.imm == 0 and insn.op in (JmpOp.JEQ, JmpOp.JNE):
        eq_null, ne_null = _null_refine(state, insn.dst, True), _null_refine(state, insn.dst, False)
        return (ne_null, eq_null) if insn.op == JmpOp.JEQ else (eq_null, ne_null)
    if d.is_scalar and d.scalar.is_const():
        return _const_branch(insn.op, d.scalar.value, insn.imm & ((1 << 64) - 1), state)
    return state, state


def _const_branch(op: JmpOp, a: int, b: int, state: State) -> tuple[State | None, State | None]:
    taken = {JmpOp.JEQ: a == b, JmpOp.JNE: a != b, JmpOp.JGT: a > b, JmpOp.JGE: a >= b,
             JmpOp.JLT: a < b, JmpOp.JLE: a <= b}[op]
    return (None, state) if taken else (state, None)


def model_run(prog: Program, *, privileged: bool = True) -> tuple[str, list[str]]:
    """('accept' | 'reject', error lines)."""
    env = Env(prog=prog, profile=get_profile("6.18", privileged))
    todo: list[tuple[int, State]] = [(0, initial_state())]
    try:
        while todo:
            idx, state = todo.pop()
            while True:
                insn: Insn = prog.insns[idx]
                state = state.at(idx)
                if isinstance(insn, Alu):
                    state = _alu(env, state, insn)
                elif isinstance(insn, LoadImm64):
                    m = prog.map_by_name(insn.sym or "")
                    state = state.with_reg(insn.dst, pointer(RegType.CONST_PTR_TO_MAP, map=m))
                    idx += 2
                    continue
                elif isinstance(insn, Load):
                    memory.check_reg_read(state, idx, insn.src)
                    state = memory.check_mem_access(env, state, idx, insn.src, insn.off, insn.size, "read",
                                                    insn.dst, insn=insn)
                elif isinstance(insn, Store) and insn.mode == Mode.ATOMIC:
                    state = memory.check_atomic(env, state, idx, insn)
                elif isinstance(insn, Store):
                    memory.check_reg_read(state, idx, insn.src)
                    memory.check_reg_read(state, idx, insn.dst)
                    state = memory.check_mem_access(env, state, idx, insn.dst, insn.off, insn.size, "write",
                                                    insn.src, insn=insn)
                elif isinstance(insn, StoreImm):
                    memory.check_reg_read(state, idx, insn.dst)
                    state = memory.check_mem_access(env, state, idx, insn.dst, insn.off, insn.size, "write", -1,
                                                    insn=insn)
                elif isinstance(insn, LegacyLoad):
                    state = memory.check_ld_abs(env, state, idx, insn)
                elif isinstance(insn, Jmp) and insn.is_call:
                    state = helpers.check_helper_call(env, state, insn, idx)
                elif isinstance(insn, Jmp) and insn.is_exit:
                    helpers.check_resource_leak(env, state, idx, "BPF_EXIT instruction in main prog")
                    memory.check_reg_read(state, idx, 0)
                    break
                elif isinstance(insn, Jmp) and insn.op == JmpOp.JA:
                    idx = insn.target(idx)
                    continue
                elif isinstance(insn, Jmp):
                    fall, taken = _branch(env, state, insn)
                    if taken is not None:
                        todo.append((insn.target(idx), taken))
                    if fall is None:
                        break
                    state = fall
                else:
                    raise NotImplementedError(insn)
                idx += 1
    except VerifierError as e:
        return "reject", list(e.lines)
    return "accept", []


def kernel_run(prog: Program, *, privileged: bool = True) -> tuple[str, list[str]]:
    from verifier_model.kernel import loader
    from verifier_model.kernel.log import error_block

    ok, reason = loader.available()
    if not ok:
        pytest.skip(reason)
    res = loader.load(prog, privileged=privileged)
    if res.verdict == "accept":
        return "accept", []
    _, block = error_block(res.log)
    # a message printed without its newline runs into the stats line: compare the message part
    block = [re.sub(r"processed \d+ insns \(limit.*$", "", ln) for ln in block]
    return "reject", block


def test_driver_runs_a_trivial_program() -> None:
    assert model_run(program(ret0())) == ("accept", [])
