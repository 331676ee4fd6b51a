"""Tricky cases of the 6.18 scalar domain. Every expected text below was printed by the live
6.18.44 verifier for the program sketched in the test's comment (log_level 2)."""
from __future__ import annotations

import pytest

from verifier_model.isa.opcodes import AluOp, JmpOp
from verifier_model.model.scalar import (
    U32,
    U64,
    Scalar,
    Tnum,
    alu,
    coerce_reg_to_size,
    is_branch_taken,
    maybe_fork_scalars,
    refine_cond,
    reg_set_min_max,
    scalar_str,
)

P = Scalar.parse
U = Scalar.unknown()
C = Scalar.const
BYTE = "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"
MUL_WIDE = ("scalar(smin=0x8000000000002318,smax=0x7fffffffffffff18,umin=umin32=8984,umax=0xffffffffffffff18,"
            "smin32=0x80002318,smax32=0x7fffff18,umax32=0xffffff18,var_off=(0x2318; 0xffffffffffffdc00))")


def text(s: Scalar) -> str:
    return scalar_str(s)


# --- tnum ---------------------------------------------------------------------------------------

def test_tnum_range() -> None:
    assert Tnum.range(0, 7) == Tnum(0, 7)
    assert Tnum.range(5, 5) == Tnum(5, 0)
    assert Tnum.range(4, 6) == Tnum(4, 3)
    assert Tnum.range(0, U64) == Tnum.unknown()
    assert Tnum.range(1 << 63, U64) == Tnum(1 << 63, (1 << 63) - 1)


def test_tnum_mul_is_the_union_based_multiplication() -> None:
    # 6.18's tnum_mul: a certain bit adds, an uncertain one joins with and without it.
    assert Tnum(0, 3).mul(Tnum.const(4)) == Tnum(0, 0xC)
    assert Tnum(1, 2).mul(Tnum(1, 2)) == Tnum(1, 0xE)  # {1,3}*{1,3} = {1,3,9}
    assert Tnum.const(6).mul(Tnum.const(7)) == Tnum.const(42)


def test_mul_of_wide_tnums_as_the_kernel_computes_it() -> None:
    # r6 = (r & m1) | v1; r7 = (r & m2) | v2; r6 *= r7 (the pre-6.15 hma algorithm gives a
    # different var_off here)
    a = P("scalar(smin=0xa40184c42024405a,smax=0x7c41ffde2f2fd75a,umin=0x240184c42024405a,"
          "umax=0xfc41ffde2f2fd75a,smin32=umin32=0x2024405a,smax32=umax32=0x2f2fd75a,"
          "var_off=(0x240184c42024405a; 0xd8407b1a0f0b9700))")
    b = P("scalar(smin=0xffd21f09ec00693c,smax=0xffd21f09edac693c,umin=0xffd21f09ec00693c,"
          "umax=0xffd21f09edac693c,smin32=umin32=0xec00693c,smax32=umax32=0xedac693c,"
          "var_off=(0xffd21f09ec00693c; 0x1ac0000))")
    assert text(alu(AluOp.MUL, a, b, True)) == MUL_WIDE


def test_tnum_printing() -> None:
    assert Tnum(0, U32).strn() == "(0x0; 0xffffffff)"
    assert str(Tnum(0x10, 0xF)) == "(0x10; 0xf)"
    assert Tnum(0b100, 0b10).sbin() == "0" * 61 + "1x0"


def test_tnum_step_walks_the_members() -> None:
    t = Tnum(0b1000, 0b0101)  # members 8, 9, 12, 13
    assert [t.step(z) for z in (0, 8, 9, 10, 12, 13, 20)] == [8, 9, 12, 12, 13, 13, 13]


# --- ALU ----------------------------------------------------------------------------------------

def test_div_and_mod_give_an_unknown_64bit_value_even_for_alu32() -> None:
    # r6 &= 255; w6 /= 3 -> R6=scalar(); r6 %= 3 -> R6=scalar()
    byte = P(BYTE)
    assert alu(AluOp.DIV, byte, C(3), False) == U
    assert alu(AluOp.MOD, byte, C(3), True) == U
    assert alu(AluOp.DIV, C(9), C(3), True) == U  # not even constants are folded


def test_add_where_every_sum_overflows_keeps_the_range() -> None:
    # if r6 < 0xfffffff0 goto ...; r6 += 32 -> [16, 31]
    r = refine_cond(JmpOp.JLT, U, C(-16), False).fall[0]
    assert text(r) == ("scalar(smin=smin32=-16,smax=smax32=-1,umin=0xfffffffffffffff0,"
                       "umin32=0xfffffff0,var_off=(0xfffffffffffffff0; 0xf))")
    assert text(alu(AluOp.ADD, r, C(32), True)) == \
        "scalar(smin=umin=smin32=umin32=16,smax=umax=smax32=umax32=31,var_off=(0x10; 0xf))"


def test_sub_where_some_differences_underflow_loses_the_unsigned_range() -> None:
    # r6 &= 255; r6 -= 16
    assert text(alu(AluOp.SUB, P(BYTE), C(16), True)) == "scalar(smin=smin32=-16,smax=smax32=239)"


def test_neg_tracks_ranges() -> None:
    # r6 &= 255; r6 = -r6; w6 = -w6
    neg = alu(AluOp.NEG, P(BYTE), P(BYTE), True)
    assert text(neg) == "scalar(smin=smin32=-255,smax=smax32=0)"
    assert text(alu(AluOp.NEG, neg, neg, False)) == BYTE


def test_mul_by_a_negative_constant() -> None:
    # r6 &= 255; r6 += -3; r6 *= -7
    r = alu(AluOp.ADD, P(BYTE), C(-3), True)
    assert text(r) == "scalar(smin=smin32=-3,smax=smax32=252)"
    assert text(alu(AluOp.MUL, r, C(-7), True)) == "scalar(smin=smin32=-1764,smax=smax32=21)"


def test_lsh_32_then_arsh_32_keeps_positive_bounds() -> None:
    # r6 &= 255; r6 <<= 32; r6 s>>= 32
    r = alu(AluOp.LSH, P(BYTE), C(32), True)
    assert text(r) == "scalar(smin=smin32=0,smax=umax=0xff00000000,smax32=umax32=0,var_off=(0x0; 0xff00000000))"
    assert text(alu(AluOp.ARSH, r, C(32), True)) == BYTE


def test_shift_by_an_unknown_amount_is_unknown() -> None:
    assert alu(AluOp.LSH, P(BYTE), P(BYTE), True) == U
    assert alu(AluOp.RSH, P(BYTE), C(64), True) == U  # only reachable through a register


def test_movsx() -> None:
    # r6 &= 511; r7 = (s8)r6; w8 = (s8)w6; r9 = (s32)r6
    r6 = alu(AluOp.AND, U, C(511), True)
    assert text(alu(AluOp.MOV, U, r6, True, 8)) == "scalar(smin=smin32=-128,smax=smax32=127)"
    assert text(alu(AluOp.MOV, U, r6, False, 8)) == \
        "scalar(smin=0,smax=umax=0xffffffff,smin32=-128,smax32=127,var_off=(0x0; 0xffffffff))"
    assert alu(AluOp.MOV, U, r6, True, 32) == r6


def test_mov32_zero_extends() -> None:
    assert alu(AluOp.MOV, U, C(-1), False) == C(U32)  # w5 = -1 -> R5=0xffffffff
    assert text(alu(AluOp.MOV, U, U, False)) == "scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))"


def test_byte_swaps() -> None:
    # r6 in [0, 10]: r6 = be16 r6 -> [0, 3840] (0x0; 0xf00); r7 = bswap32 r7; r6 = le64 r6
    r6 = P("scalar(smin=smin32=0,smax=umax=smax32=umax32=10,var_off=(0x0; 0xf))")
    be16 = alu(AluOp.END, r6, r6, False, imm=16, to_be=True)
    assert text(be16) == "scalar(smin=smin32=0,smax=umax=smax32=umax32=3840,var_off=(0x0; 0xf00))"
    assert alu(AluOp.END, be16, be16, False, imm=64) == be16
    r7 = P("scalar(umin=1)")
    assert text(alu(AluOp.END, r7, r7, True, imm=32)) == \
        "scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))"


def test_u32_load_is_coerce_reg_to_size() -> None:
    assert text(coerce_reg_to_size(U, 4)) == "scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))"
    assert text(coerce_reg_to_size(U, 1)) == BYTE


# --- maybe_fork_scalars ---------------------------------------------------------------------------

def test_and_or_with_a_constant_fork_a_minus_one_or_zero_register() -> None:
    # r7 s>>= 63; r7 |= 5 -> R7=-1, then "from 3 to 3: R7=0" re-executes -> R7=5
    m = alu(AluOp.ARSH, U, C(63), True)
    assert text(m) == "scalar(smin=smin32=-1,smax=smax32=0)"
    fork = maybe_fork_scalars(AluOp.OR, m, C(5))
    assert fork == (C(-1), C(0))
    assert [alu(AluOp.OR, d, C(5), True) for d in fork] == [C(-1), C(5)]
    assert [alu(AluOp.AND, d, C(5), True) for d in fork] == [C(5), C(0)]
    assert [alu(AluOp.OR, d, C(5), False) for d in fork] == [C(U32), C(5)]  # w7 |= 5


def test_fork_on_a_minus_one_or_zero_subregister() -> None:
    # w7 s>>= 31; w7 &= 5 -> R7=5, then "from 3 to 3: R7=0" -> R7=0
    m = alu(AluOp.ARSH, U, C(31), False)
    fork = maybe_fork_scalars(AluOp.AND, m, C(5))
    assert fork is not None
    assert text(fork[1]) == "0"
    assert [alu(AluOp.AND, d, C(5), False) for d in fork] == [C(5), C(0)]
    assert [alu(AluOp.AND, d, C(5), True) for d in fork] == [C(5), C(0)]


def test_no_fork_for_other_ops_or_a_non_constant_source() -> None:
    m = alu(AluOp.ARSH, U, C(63), True)
    for op in (AluOp.XOR, AluOp.ADD, AluOp.MUL):
        assert maybe_fork_scalars(op, m, C(5)) is None
    assert maybe_fork_scalars(AluOp.AND, m, U) is None
    upper_unknown_low_5 = P("scalar(smin=0x8000000000000005,smax=0x7fffffff00000005,umin=smin32=umin32=5,"
                            "umax=0xffffffff00000005,smax32=umax32=5,var_off=(0x5; 0xffffffff00000000))")
    assert maybe_fork_scalars(AluOp.AND, m, upper_unknown_low_5) is None  # w7 &= w1: no fork
    assert text(alu(AluOp.AND, m, upper_unknown_low_5, False)) == \
        "scalar(smin=smin32=0,smax=umax=smax32=umax32=5,var_off=(0x0; 0x5))"


# --- branches ----------------------------------------------------------------------------------

def test_single_value_overlap_of_tnum_and_range_becomes_a_constant() -> None:
    # w8 &= 2; if r8 s>= 1 goto -> taken R8=2, fall-through R8=0
    r8 = alu(AluOp.AND, U, C(2), False)
    r = refine_cond(JmpOp.JSGE, r8, C(1), False)
    assert (text(r.taken[0]), text(r.fall[0])) == ("2", "0")


def test_the_single_value_rule_is_64bit_only() -> None:
    # r8 &= 0xffffffff00000002; if w8 s>= 1 goto
    r8 = alu(AluOp.AND, U, C(0xFFFFFFFF00000002), True)
    r = refine_cond(JmpOp.JSGE, r8, C(1), True)
    assert text(r.taken[0]) == ("scalar(smin=0x8000000000000001,smax=0x7fffffff00000002,umin=smin32=umin32=1,"
                                "umax=0xffffffff00000002,smax32=umax32=2,var_off=(0x0; 0xffffffff00000002))")
    assert text(r.fall[0]) == ("scalar(smax=0x7fffffff00000000,umax=0xffffffff00000000,smin32=0,"
                               "smax32=umax32=0,var_off=(0x0; 0xffffffff00000000))")


def test_jset_false_edge_forgets_the_ranges_before_narrowing_the_tnum() -> None:
    # r6 &= 7; r6 != 0; r6 <= 6; if r6 & 4 goto
    r6 = P("scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=6,var_off=(0x0; 0x7))")
    r = refine_cond(JmpOp.JSET, r6, C(4), False)
    assert text(r.taken[0]) == "scalar(smin=umin=smin32=umin32=4,smax=umax=smax32=umax32=6,var_off=(0x4; 0x3))"
    assert text(r.fall[0]) == "scalar(smin=smin32=0,smax=umax=smax32=umax32=3,var_off=(0x0; 0x3))"


def test_s32_range_crossing_the_sign_boundary_is_cut_by_the_u32_range() -> None:
    # w6 s>>= 25; if r6 >= 0x7fff goto
    r6 = alu(AluOp.ARSH, U, C(25), False)
    r = refine_cond(JmpOp.JGE, r6, C(32767), False)
    assert text(r.taken[0]) == ("scalar(smin=umin=umin32=0xffffffc0,smax=umax=0xffffffff,smin32=-64,smax32=-1,"
                                "var_off=(0xffffffc0; 0x3f))")
    assert text(r.fall[0]) == "scalar(smin=smin32=0,smax=umax=smax32=umax32=63,var_off=(0x0; 0x3f))"


def test_three_rounds_of_deduction() -> None:
    # r7 = (s8)r6; if r7 == -1 goto; if w7 >= 0x162f goto (taken): two rounds leave smax32=-1
    r7 = P("scalar(smin=smin32=-128,smax=smax32=127,umax=0xfffffffffffffffe)")
    r = refine_cond(JmpOp.JGE, r7, C(5679), True)
    assert text(r.taken[0]) == ("scalar(smin=smin32=-128,smax=smax32=-2,umin=0xffffffffffffff80,"
                                "umax=0xfffffffffffffffe,umin32=0xffffff80,umax32=0xfffffffe,"
                                "var_off=(0xffffffffffffff80; 0x7f))")
    assert text(r.fall[0]) == "scalar(smin=smin32=0,smax=umax=smax32=umax32=127,var_off=(0x0; 0x7f))"


def test_jeq_is_decided_by_non_overlapping_tnums() -> None:
    even = Scalar.from_tnum(Tnum(0, 0xFE))
    assert is_branch_taken(JmpOp.JEQ, even, C(3), False) == 0
    assert is_branch_taken(JmpOp.JNE, even, C(3), False) == 1
    assert is_branch_taken(JmpOp.JEQ, even, C(4), False) == -1


@pytest.mark.parametrize(("op", "is32", "taken"), [
    # r9 &= 255; r9 += -3; if r9 OP r9 goto  (both edges explored in 6.18)
    (JmpOp.JSGT, False, "scalar(smin=smin32=-2,smax=smax32=251)"),
    (JmpOp.JSLT, True, "scalar(smin=-3,smax=252,smin32=-2,smax32=251)"),
    (JmpOp.JGT, False, "scalar(smin=smin32=-3,smax=smax32=252,umin=1,umax=0xfffffffffffffffe)"),
    (JmpOp.JLT, False, "scalar(smin=smin32=-3,smax=smax32=252,umin=1,umax=0xfffffffffffffffe)"),
    (JmpOp.JEQ, False, "scalar(smin=smin32=-3,smax=smax32=252)"),
    (JmpOp.JNE, False, "scalar(smin=smin32=-3,smax=smax32=252)"),
    (JmpOp.JSET, False, "scalar(smin=smin32=-3,smax=smax32=252)"),
])
def test_a_register_compared_with_itself(op: JmpOp, is32: bool, taken: str) -> None:
    r9 = alu(AluOp.ADD, P(BYTE), C(-3), True)
    assert is_branch_taken(op, r9, r9, is32, same_reg=True) == -1
    r = refine_cond(op, r9, r9, is32, same_reg=True)
    assert r.taken[0] == r.taken[1]
    assert text(r.taken[0]) == taken


def test_an_impossible_edge_is_a_verifier_bug_and_is_still_explored() -> None:
    # ...; if w6 < 0xbd9c66b3 goto  (the fall-through's refinement is ill-formed)
    r6 = P("scalar(smin=umin=0x426842001c460062,smax=umax=0x5ee8737fbd9c66b3,smin32=0x9c460062,"
           "smax32=0x3ff779ff,umin32=0x1c460062,umax32=0xbd9c66b3,var_off=(0x426842001c460062; 0x1c80317fa3b1799d))")
    k = C(-1113823565)
    assert is_branch_taken(JmpOp.JLT, r6, k, True) == -1
    r = refine_cond(JmpOp.JLT, r6, k, True)
    assert r.log == (("verifier bug: REG INVARIANTS VIOLATION (false_reg1): range bounds violation "
                     "u64=[0x42684200bdde66f3, 0x5ee8737fbd9c66b3] s64=[0x42684200bdde66f3, 0x5ee8737fbd9c66b3] "
                     "u32=[0xbdde66f3, 0xbd9c66b3] s32=[0xbdde66f3, 0xbd9c66b3] "
                     "var_off=(0x42684200bdde66f3, 0x1c80317f00000000)"),)
    assert text(r.fall[0]) == "scalar(var_off=(0x42684200bdde66f3; 0x1c80317f00000000))"
    assert text(r.taken[0]) == ("scalar(smin=umin=0x426842001c460062,smax=umax=0x5ee8737fbd9c66b2,"
                                "smin32=0x9c460062,smax32=0x3ff779ff,umin32=0x1c460062,umax32=0xbd9c66b2,"
                                "var_off=(0x426842001c460062; 0x1c80317fa3b1799d))")
    assert reg_set_min_max(JmpOp.JLT, r6, k, True) == (r.taken, r.fall)


def test_jne_on_a_range_edge_shrinks_it() -> None:
    r = refine_cond(JmpOp.JNE, P(BYTE), C(255), False)
    assert text(r.taken[0]) == "scalar(smin=smin32=0,smax=umax=smax32=umax32=254,var_off=(0x0; 0xff))"
    assert r.fall[0] == C(255)
