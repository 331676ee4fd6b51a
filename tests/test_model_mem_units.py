"""Unit tests of the memory rules on hand-built states (no kernel needed)."""
from __future__ import annotations

from dataclasses import replace

import pytest
from test_model_mem_driver import initial_state, program, ret0

from verifier_model.errors import VerifierError
from verifier_model.isa.insn import Jmp, StoreImm
from verifier_model.isa.opcodes import ProgType
from verifier_model.model import argcheck, memory, packet, stack
from verifier_model.model.env import Env
from verifier_model.model.profiles import get_profile
from verifier_model.model.regs import Reg, RegFlag, RegType, pointer
from verifier_model.model.scalar import Scalar, Tnum
from verifier_model.model.state import SlotKind, State
from verifier_model.program import MapDef

M, Z, I, S = SlotKind.MISC, SlotKind.ZERO, SlotKind.INVALID, SlotKind.SPILL


def env(privileged: bool = True, prog_type: int = ProgType.XDP) -> Env:
    return Env(prog=program(ret0(), prog_type), profile=get_profile("6.18", privileged))


def fp(off: int) -> Reg:
    return pointer(RegType.PTR_TO_STACK, off=off)


def st_imm(size: int, off: int, imm: int) -> StoreImm:
    return StoreImm({1: 0x72, 2: 0x6A, 4: 0x62, 8: 0x7A}[size], 10, 0, off, imm)


def write_imm(e: Env, s: State, size: int, off: int, imm: int) -> State:
    return memory.check_mem_access(e, s, 0, 10, off, size, "write", -1, insn=st_imm(size, off, imm))


def u32_unknown() -> Reg:
    return replace(memory.unknown_reg(), scalar=memory.coerce_to_size(Scalar.unknown(), 4))


def test_slot_kinds_use_the_kernels_slot_type_order() -> None:
    s = write_imm(env(), initial_state(), 4, -4, 0)  # not slot aligned: STACK_ZERO bytes
    assert s.cur.stack[0].kinds == (Z, Z, Z, Z, I, I, I, I)  # printed "0000????"
    s = write_imm(env(), initial_state(), 4, -8, 0)  # aligned BPF_ST: a 4-byte spill of the constant
    assert s.cur.stack[0].kinds == (I, I, I, I, S, S, S, S)  # printed "????0"
    assert s.cur.stack[0].spilled.is_const(0)


def test_spilling_an_unknown_scalar_gives_it_an_id() -> None:
    e = env()
    s = initial_state().with_reg(7, u32_unknown())
    s = memory.check_mem_access(e, s, 2, 10, -72, 8, "write", 7)
    assert s.reg(7).id == 1 and s.cur.stack[8].spilled.id == 1 and e.id_gen == 1


def test_full_fill_restores_the_spilled_pointer() -> None:
    e = env()
    s = initial_state()
    s = memory.check_mem_access(e, s, 0, 10, -8, 8, "write", 1)
    s = memory.check_mem_access(e, s, 1, 10, -8, 8, "read", 3)
    assert s.reg(3).type == RegType.PTR_TO_CTX


def test_narrow_fill_of_a_pointer_is_rejected() -> None:
    e = env()
    s = memory.check_mem_access(e, initial_state(), 0, 10, -8, 8, "write", 1)
    with pytest.raises(VerifierError) as ei:
        memory.check_mem_access(e, s, 1, 10, -8, 4, "read", 3)
    assert ei.value.lines == ["invalid size of register fill"]


def test_zero_extending_and_sign_extending_loads() -> None:
    s = memory.coerce_to_size(Scalar.unknown(), 2)
    assert (s.umin, s.umax, s.smin, s.smax) == (0, 0xFFFF, 0, 0xFFFF)
    assert s.var_off == Tnum(0, 0xFFFF)
    sx = memory.coerce_to_size_sx(Scalar.const(0xFF), 1)
    assert sx.is_const() and sx.smin == -1


def test_tnum_strn_prints_constants_as_numbers() -> None:
    assert memory.tnum_strn(Tnum(0, 0)) == "0"
    assert memory.tnum_strn(Tnum(0x10000, 0)) == "0x10000"
    assert memory.tnum_strn(Tnum(0, 0xFFFFFFFF)) == "(0x0; 0xffffffff)"


def test_reg_type_str_names() -> None:
    assert memory.reg_type_str(RegType.PTR_TO_MAP_VALUE, RegFlag.PTR_MAYBE_NULL) == "map_value_or_null"
    assert memory.reg_type_str(RegType.PTR_TO_BTF_ID, RegFlag.PTR_MAYBE_NULL) == "ptr_or_null_"
    assert memory.reg_type_str(RegType.PTR_TO_STACK) == "fp"


# --- kfunc-style memory arguments (kernel_semantics 3.5, logs B*) -------------------------------


def kfunc_state(mem: Reg, size: Reg, init: int = 48) -> State:
    e = env()
    s = initial_state()
    for off in range(-init, 0, 8):
        s = write_imm(e, s, 8, off, 0)
    return s.with_reg(2, mem).with_reg(3, size)


def test_kfunc_memory_pair_clobbers_the_stack_range() -> None:
    s = kfunc_state(fp(-48), memory.const_reg(12))
    s = argcheck.check_kfunc_mem_size_reg(env(), s, 3, insn_idx=18)
    # fp-48 (spilled 0) and fp-40 (spilled 0): the bytes touched become MISC, spilled scalars unknown
    assert s.cur.stack[5].kinds == (M,) * 8 and not s.cur.stack[5].spilled.is_const()
    assert s.cur.stack[4].kinds == (M,) * 8
    assert s.cur.stack[3].spilled.is_const(0)  # fp-32 untouched


@pytest.mark.parametrize(("mem", "size", "lines"), [
    (fp(-8), memory.const_reg(36), ["invalid read from stack R2 off=-8 size=36"]),
    (fp(-600), memory.const_reg(12), ["invalid read from stack R2 off=-600 size=12"]),
    (memory.const_reg(0), memory.const_reg(12), ["R2 type=scalar expected=fp"]),
    (pointer(RegType.PTR_TO_CTX), memory.const_reg(12), ["R2 type=ctx expected=fp"]),
    (fp(-48), memory.const_reg(-1), ["R3 min value is negative, either use unsigned or 'var &= const'"]),
    (fp(-48), u32_unknown(), ["R3 unbounded memory access, use 'var &= const' or 'if (var < const)'"]),
    (pointer(RegType.PTR_TO_MAP_VALUE, map=MapDef("m", value_size=64), off=8), memory.const_reg(60),
     ["invalid access to map value, value_size=64 off=8 size=60",
      "R2 min value is outside of the allowed memory range"]),
    (pointer(RegType.PTR_TO_PACKET), memory.const_reg(12),
     ["invalid access to packet, off=0 size=12, R2(id=0,off=0,r=0)", "R2 offset is outside of the packet"]),
])
def test_kfunc_memory_pair_errors(mem: Reg, size: Reg, lines: list[str]) -> None:
    with pytest.raises(VerifierError) as ei:
        argcheck.check_kfunc_mem_size_reg(env(), kfunc_state(mem, size), 3, insn_idx=18)
    assert ei.value.lines == lines


@pytest.mark.parametrize("mem", [
    memory.const_reg(0),  # NULL with size 0 (B10b)
    pointer(RegType.PTR_TO_MAP_VALUE, flags=RegFlag.PTR_MAYBE_NULL, map=MapDef("m", value_size=64)),  # B14b
    pointer(RegType.PTR_TO_PACKET, range=12),  # B13
])
def test_kfunc_memory_pair_accepted(mem: Reg) -> None:
    size = memory.const_reg(0 if mem.type == RegType.SCALAR_VALUE else 12)
    s = argcheck.check_kfunc_mem_size_reg(env(), kfunc_state(mem, size), 3, insn_idx=18)
    assert s.reg(2) == mem  # the maybe-NULL flag is only dropped while checking


def test_uninitialised_memory_pair_unprivileged() -> None:
    e = env(privileged=False)
    s = initial_state()
    s = write_imm(e, s, 8, -48, 0)
    s = s.with_reg(2, fp(-48)).with_reg(3, memory.const_reg(12))
    with pytest.raises(VerifierError) as ei:
        argcheck.check_kfunc_mem_size_reg(e, s, 3, insn_idx=18)
    assert ei.value.lines == ["invalid read from stack R2 off -48+8 size 12"]


def test_fixed_size_memory_argument() -> None:
    s = kfunc_state(fp(-8), memory.const_reg(0), init=8)
    with pytest.raises(VerifierError) as ei:
        argcheck.check_mem_reg(env(), s, 2, 16, insn_idx=5)
    assert ei.value.lines == ["invalid read from stack R2 off=-8 size=16"]


# --- packets ---------------------------------------------------------------------------------


def test_pkt_pointer_matching_ignores_jmp32_and_immediates() -> None:
    s = initial_state()
    d, e_ = pointer(RegType.PTR_TO_PACKET, off=8), pointer(RegType.PTR_TO_PACKET_END)
    assert packet.try_match_pkt_pointers(env(), Jmp(0x2E, 4, 3), d, e_, s, s) is None  # JMP32 JGT X
    assert packet.try_match_pkt_pointers(env(), Jmp(0x25, 4, 0, 0, 0), d, e_, s, s) is None  # JGT K


def test_clear_all_pkt_pointers_reaches_spilled_copies() -> None:
    e = env()
    s = initial_state().with_reg(2, pointer(RegType.PTR_TO_PACKET, range=8))
    s = memory.check_mem_access(e, s, 0, 10, -8, 8, "write", 2)
    s = packet.clear_all_pkt_pointers(s, e)
    assert s.reg(2).type == RegType.SCALAR_VALUE
    assert s.cur.stack[0].spilled.type == RegType.SCALAR_VALUE
    s2 = packet.clear_all_pkt_pointers(initial_state().with_reg(2, pointer(RegType.PTR_TO_PACKET)), env(False))
    assert s2.reg(2).type == RegType.NOT_INIT


def test_grow_stack_tracks_the_deepest_access() -> None:
    s = write_imm(env(), initial_state(), 1, -17, 0)
    assert s.cur.allocated_stack == 24
    assert stack.slot_of(-17) == (2, 0)
