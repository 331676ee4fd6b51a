"""Scalar register text exactly as 6.18's kernel/bpf/log.c prints it (print_reg_state,
print_scalar_ranges, verbose_snum/verbose_unum), checked against recorded live-kernel logs."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from verifier_model.isa.opcodes import AluOp, JmpOp
from verifier_model.model.scalar import (
    S32_MAX,
    S32_MIN,
    S64_MAX,
    S64_MIN,
    U32,
    U64,
    Scalar,
    Tnum,
    alu,
    coerce_reg_to_size,
    refine_cond,
    scalar_str,
)

LOGS = Path(__file__).resolve().parents[2] / "shared" / "semantics" / "live-6.18-logs"
U32_LOAD = "scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))"


def u32_load() -> Scalar:
    """`rX = *(u32 *)(ctx + off)`: mark_reg_unknown then coerce_reg_to_size(4)."""
    return coerce_reg_to_size(Scalar.unknown(), 4)


@pytest.mark.parametrize(("value", "text"), [
    (0, "0"), (12, "12"), (-1, "-1"), (1000, "1000"), (10000, "10000"),
    (32767, "32767"), (32768, "0x8000"), (-32768, "-32768"), (-32769, "0xffffffffffff7fff"),
    (65535, "0xffff"), (U32, "0xffffffff"), (1 << 63, "0x8000000000000000"),
])
def test_constants_print_as_signed_numbers(value: int, text: str) -> None:
    # R1=32767, R2=0x8000, R3=-32768, R4=0xffffffffffff7fff, R5=0xffff (live kernel)
    assert scalar_str(Scalar.const(value)) == text


def test_unknown_prints_empty_parens() -> None:
    assert scalar_str(Scalar.unknown()) == "scalar()"
    assert scalar_str(Scalar.unknown(), id=3) == "scalar(id=3)"


def test_precise_and_id_decorations() -> None:
    assert scalar_str(Scalar.const(2), precise=True) == "P2"
    assert scalar_str(u32_load(), id=1) == "scalar(id=1,smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))"
    assert scalar_str(Scalar.unknown(), id=2, add_const_off=0) == "scalar(id=2+0)"
    assert scalar_str(Scalar.unknown(), id=2, add_const_off=-4) == "scalar(id=2-4)"


def test_u32_load_as_in_the_logs() -> None:
    assert scalar_str(u32_load()) == U32_LOAD


def test_and_7_after_u32_load_as_in_d6() -> None:
    # D6: 22: (57) r3 &= 7 ; R3=scalar(smin=smin32=0,smax=umax=smax32=umax32=7,var_off=(0x0; 0x7))
    s = alu(AluOp.AND, u32_load(), Scalar.const(7), True)
    assert scalar_str(s) == "scalar(smin=smin32=0,smax=umax=smax32=umax32=7,var_off=(0x0; 0x7))"
    # ... and as the variable part of a pointer: R7=ptr_nf_conn(ref_obj_id=2,<fmt>)
    assert s.fmt() == "smin=smin32=0,smax=umax=smax32=umax32=7,var_off=(0x0; 0x7)"


def test_fmt_of_a_constant_is_the_pointer_imm_form() -> None:
    assert Scalar.const(0).fmt() == ""
    assert Scalar.const(8).fmt() == "imm=8"


@pytest.mark.parametrize(("k", "text"), [
    (32767, "scalar(umin=32767)"), (32768, "scalar(umin=32768)"),
    (65535, "scalar(umin=65535)"), (65536, "scalar(umin=0x10000)"),
])
def test_unsigned_bounds_are_decimal_up_to_u16_max(k: int, text: str) -> None:
    # `if r0 < K goto` on an unknown r0, fall-through edge (live kernel)
    ref = refine_cond(JmpOp.JLT, Scalar.unknown(), Scalar.const(k), False)
    assert scalar_str(ref.fall[0]) == text


@pytest.mark.parametrize(("shift", "is64", "text"), [
    (48, True, "scalar(smin=smin32=-32768,smax=smax32=32767)"),
    (47, True, "scalar(smin=0xffffffffffff0000,smax=smax32=0xffff,smin32=0xffff0000)"),
    (15, False, "scalar(smin=0,smax=umax=0xffffffff,smin32=0xffff0000,smax32=0xffff,var_off=(0x0; 0xffffffff))"),
    (16, False, "scalar(smin=0,smax=umax=0xffffffff,smin32=-32768,smax32=32767,var_off=(0x0; 0xffffffff))"),
])
def test_s32_bounds_print_sign_extended_only_when_decimal(shift: int, is64: bool, text: str) -> None:
    # `r0 s>>= 48` etc. on an unknown r0 (live kernel): a hex s32 prints as its u32 pattern and
    # then never merges with the 64-bit value.
    assert scalar_str(alu(AluOp.ARSH, Scalar.unknown(), Scalar.const(shift), is64)) == text


def test_negative_and_positive_never_merge() -> None:
    s = Scalar(Tnum.unknown(), -1, 5, 0, U64, -1, 5, 0, U32)
    assert scalar_str(s) == "scalar(smin=smin32=-1,smax=smax32=5)"


def test_bounds_at_their_limits_are_omitted() -> None:
    s = Scalar(Tnum(0, U64), S64_MIN, S64_MAX, 0, U64, S32_MIN, S32_MAX, 0, U32)
    assert scalar_str(s) == "scalar()"


@pytest.mark.parametrize("text", [
    ("scalar(smin=0x800000006434192d,smax=0x7fffffff6b8f55bd,umin=smin32=umin32=0x6434192d,"
    "umax=0xffffffff6b8f55bd,smax32=umax32=0x6b8f55bd,var_off=(0x62000020; 0xffffffff098f559d))"),
    ("scalar(smin=smin32=-128,smax=smax32=-2,umin=0xffffffffffffff80,umax=0xfffffffffffffffe,"
    "umin32=0xffffff80,umax32=0xfffffffe,var_off=(0xffffffffffffff80; 0x7f))"),
    "scalar(smin=smin32=-3,smax=smax32=252,umin=1,umax=0xfffffffffffffffe)",
    U32_LOAD, "scalar()", "-1", "0x8000",
])
def test_parse_inverts_print(text: str) -> None:
    assert scalar_str(Scalar.parse(text)) == text


def _log_lines(name: str) -> list[str]:
    path = LOGS / name
    if not path.exists():
        pytest.skip(f"{path} not present")
    return path.read_text().splitlines()


_STATE = re.compile(r"^(\d+): \(([0-9a-f]{2})\) (.*?)\s+; R1=(\S+(?: \S+\))?)$")


def test_unbounded_loop_log_replays() -> None:
    """F6d: `1: r1 += 1; 2: if r1 != 0x0 goto pc-2` from a u32 load, ~170k lines: every state
    the kernel printed follows from the one before by alu(ADD) / the JNE taken edge."""
    prev: Scalar | None = None
    checked = 0
    for line in _log_lines("F6d_unbounded_loop_on_unknown.log"):
        m = _STATE.match(line)
        if not m:
            prev = None  # the recorder cut the middle of this long log: start again after it
            continue
        idx, text = m.group(1), m.group(4)
        if prev is not None:
            if idx == "1":
                cur = alu(AluOp.ADD, prev, Scalar.const(1), True)
            else:
                cur = refine_cond(JmpOp.JNE, prev, Scalar.const(0), False).taken[0]
            assert scalar_str(cur) == text, line
            checked += 1
        prev = Scalar.parse(text)
    assert checked > 100


def test_every_scalar_in_the_logs_round_trips() -> None:
    """Every `Rn=scalar(...)` / constant the recorded logs print reprints identically."""
    if not LOGS.exists():
        pytest.skip("no recorded logs")
    item = re.compile(r"R\d+=(P?(?:scalar\((?:[^()]|\([^()]*\))*\)|-?(?:0x[0-9a-f]+|\d+)))(?=[ ]|$)")
    seen = 0
    for path in sorted(LOGS.glob("*.log")):
        for line in path.read_text().splitlines():
            for m in item.finditer(line):
                text = re.sub(r"id=\d+,?", "", m.group(1)).replace(",)", ")").removeprefix("P")
                assert scalar_str(Scalar.parse(text)) == text, (path.name, line)
                seen += 1
    assert seen > 100
