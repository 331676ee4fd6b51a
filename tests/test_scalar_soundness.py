"""Soundness of the scalar domain: every concrete execution is covered by the abstract one.

Abstract inputs are built around a concrete member (a random tnum containing it, random bounds
around it, then reg_bounds_sync), more members are sampled from them, and the concrete result of
each operation is computed with z3 bit-vector semantics (BPF's: division by zero gives 0, modulo
by zero leaves dst, shift amounts are masked, 32-bit ops zero-extend). The result must be a member
of the abstract result; for jumps the concrete outcome must be allowed by is_branch_taken and the
operands must be members of the refined registers on the edge actually taken.
"""
from __future__ import annotations

import random
from collections.abc import Callable
from functools import cache

import pytest
import z3
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from verifier_model.isa.opcodes import AluOp, JmpOp
from verifier_model.model.scalar import (
    JSET_NOT,
    S32_MAX,
    S32_MIN,
    S64_MAX,
    S64_MIN,
    U32,
    U64,
    Scalar,
    Tnum,
    _Reg,
    alu,
    coerce_reg_to_size,
    coerce_reg_to_size_sx,
    is_branch_taken,
    maybe_fork_scalars,
    refine_cond,
    reg_bounds_sync,
    s32,
    s64,
)

SETTINGS = settings(max_examples=100, derandomize=True, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])

# --- concrete semantics (z3) ------------------------------------------------------------------

BV = z3.BitVecRef


def _bv(v: int, bits: int = 64) -> BV:
    return z3.BitVecVal(v & ((1 << bits) - 1), bits)


def _zext32(e: BV) -> BV:
    return z3.ZeroExt(32, e)


def _bswap(e: BV, nbytes: int) -> BV:
    parts = [z3.Extract(8 * i + 7, 8 * i, e) for i in range(nbytes)]
    return z3.Concat(*parts) if nbytes > 1 else parts[0]


def concrete_alu(op: AluOp, is64: bool, x: int, y: int, off: int = 0, imm: int = 0, to_be: bool = False) -> int:
    """The value `dst` holds after `dst op= src` with dst = x, src = y (BPF semantics, z3)."""
    bits = 64 if is64 else 32
    a = _bv(x, bits) if is64 else z3.Extract(31, 0, _bv(x))
    b = _bv(y, bits) if is64 else z3.Extract(31, 0, _bv(y))
    zero = z3.BitVecVal(0, bits)
    r: BV
    if op == AluOp.ADD:
        r = a + b
    elif op == AluOp.SUB:
        r = a - b
    elif op == AluOp.MUL:
        r = a * b
    elif op == AluOp.DIV:
        r = z3.If(b == zero, zero, a / b if off == 1 else z3.UDiv(a, b))  # type: ignore[assignment]
    elif op == AluOp.MOD:
        r = z3.If(b == zero, a, z3.SRem(a, b) if off == 1 else z3.URem(a, b))  # type: ignore[assignment]
    elif op == AluOp.OR:
        r = a | b
    elif op == AluOp.AND:
        r = a & b
    elif op == AluOp.XOR:
        r = a ^ b
    elif op == AluOp.LSH:
        r = a << (b & (bits - 1))
    elif op == AluOp.RSH:
        r = z3.LShR(a, b & (bits - 1))
    elif op == AluOp.ARSH:
        r = a >> (b & (bits - 1))
    elif op == AluOp.NEG:
        r = -a
    elif op == AluOp.MOV:
        r = b if off == 0 else z3.SignExt(bits - off, z3.Extract(off - 1, 0, b))
    elif op == AluOp.END:
        full = _bv(x)
        if is64 or to_be:
            sw = _bswap(z3.Extract(imm - 1, 0, full), imm // 8)
        else:
            sw = z3.Extract(imm - 1, 0, full)
        return z3.simplify(z3.ZeroExt(64 - imm, sw) if imm < 64 else sw).as_long()  # type: ignore[union-attr]
    else:  # pragma: no cover
        raise AssertionError(op)
    res = r if is64 else _zext32(r)
    return z3.simplify(res).as_long()  # type: ignore[union-attr]


def concrete_jmp(op: int, is32: bool, x: int, y: int) -> bool:
    bits = 32 if is32 else 64
    a = z3.Extract(31, 0, _bv(x)) if is32 else _bv(x)
    b = z3.Extract(31, 0, _bv(y)) if is32 else _bv(y)
    cond = {
        JmpOp.JEQ: lambda: a == b, JmpOp.JNE: lambda: a != b,
        JmpOp.JGT: lambda: z3.UGT(a, b), JmpOp.JGE: lambda: z3.UGE(a, b),
        JmpOp.JLT: lambda: z3.ULT(a, b), JmpOp.JLE: lambda: z3.ULE(a, b),
        JmpOp.JSGT: lambda: a > b, JmpOp.JSGE: lambda: a >= b,
        JmpOp.JSLT: lambda: a < b, JmpOp.JSLE: lambda: a <= b,
        JmpOp.JSET: lambda: (a & b) != z3.BitVecVal(0, bits),
    }[op]()
    return z3.is_true(z3.simplify(cond))


# --- abstract values around concrete members ---------------------------------------------------

_EDGES = (0, 1, 2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, S32_MAX, 1 << 31, U32, 1 << 32,
          S64_MAX, 1 << 63, U64, U64 - 1, U32 - 1)

values = st.one_of(
    st.sampled_from(_EDGES),
    st.integers(0, U64),
    st.integers(0, 0xFFFF),
    st.integers(-0x10000, -1).map(lambda v: v & U64),
    st.integers(0, U32),
    st.integers(S32_MIN, -1).map(lambda v: v & U64),
)

masks = st.one_of(
    st.sampled_from((0, U64, U32, U64 ^ U32, 0xFF, 0xFFFF, 1, 0x7FFFFFFF)),
    st.integers(0, U64),
    st.integers(0, 0xFF).map(lambda m: m << 4),
)


@st.composite
def abstract(draw: st.DrawFn, member: int | None = None) -> tuple[Scalar, int]:
    """An abstract value (reg_bounds_sync'ed) containing a concrete member, and that member."""
    x = draw(values) if member is None else member
    kind = draw(st.integers(0, 9))
    if kind == 0:
        return Scalar.const(x), x
    if kind == 1:
        return Scalar.unknown(), x
    mask = draw(masks)
    r = _Reg.unknown()
    r.var_off = Tnum(x & ~mask & U64, mask)
    sx, x32, sx32 = s64(x), x & U32, s32(x)
    which = draw(st.integers(0, 15))
    if which & 1:
        r.umin, r.umax = draw(st.integers(0, x)), draw(st.integers(x, U64))
    if which & 2:
        r.smin, r.smax = draw(st.integers(S64_MIN, sx)), draw(st.integers(sx, S64_MAX))
    if which & 4:
        r.u32_min, r.u32_max = draw(st.integers(0, x32)), draw(st.integers(x32, U32))
    if which & 8:
        r.s32_min, r.s32_max = draw(st.integers(S32_MIN, sx32)), draw(st.integers(sx32, S32_MAX))
    if draw(st.booleans()):  # tight bounds hit the edge cases of the deductions
        span = draw(st.integers(0, 300))
        r.umin, r.umax = max(r.umin, x - span), min(r.umax, x + span)
    r.reg_bounds_sync()
    s = r.freeze()
    assert s.contains(x), f"reg_bounds_sync lost the member {x:#x}: {s}"
    return s, x


def more_members(s: Scalar, x: int, rng: random.Random, n: int = 3) -> list[int]:
    """x plus up to n more members of s, sampled from its tnum and kept if within the bounds."""
    out = [x]
    t = s.var_off
    for _ in range(n * 4):
        v = t.value | (rng.getrandbits(64) & t.mask)
        if s.contains(v):
            out.append(v)
            if len(out) > n:
                break
    for v in (s.umin, s.umax, s.smin & U64, s.smax & U64):
        if s.contains(v):
            out.append(v)
    return out


# --- the properties ----------------------------------------------------------------------------

def test_reg_bounds_sync_keeps_members() -> None:
    @SETTINGS
    @given(abstract())
    def check(pair: tuple[Scalar, int]) -> None:
        s, x = pair
        assert reg_bounds_sync(s).contains(x)
        assert s.sanity_error() is None

    check()


_ALU_CASES: list[tuple[AluOp, int]] = [
    (AluOp.ADD, 0), (AluOp.SUB, 0), (AluOp.MUL, 0), (AluOp.DIV, 0), (AluOp.DIV, 1), (AluOp.MOD, 0),
    (AluOp.MOD, 1), (AluOp.OR, 0), (AluOp.AND, 0), (AluOp.XOR, 0), (AluOp.LSH, 0), (AluOp.RSH, 0),
    (AluOp.ARSH, 0), (AluOp.MOV, 0), (AluOp.MOV, 8), (AluOp.MOV, 16), (AluOp.MOV, 32), (AluOp.NEG, 0),
]


def _alu_params() -> list[tuple[AluOp, int, bool, bool]]:
    out = []
    for op, off in _ALU_CASES:
        for is64 in (True, False):
            if op == AluOp.MOV and off == 32 and not is64:
                continue  # movsx32 has no 32-bit form
            for x in (False, True):
                if op == AluOp.NEG and x:
                    continue
                out.append((op, off, is64, x))
    return out


@pytest.mark.parametrize(("op", "off", "is64", "x_form"), _alu_params(),
                         ids=lambda p: getattr(p, "name", str(p)))
def test_alu_is_sound(op: AluOp, off: int, is64: bool, x_form: bool) -> None:
    shift = op in (AluOp.LSH, AluOp.RSH, AluOp.ARSH)
    imm_st = st.integers(0, 63 if is64 else 31) if shift else st.integers(S32_MIN, S32_MAX)
    if op in (AluOp.DIV, AluOp.MOD):
        imm_st = imm_st.filter(bool)  # the kernel rejects a constant zero divisor

    @SETTINGS
    @given(abstract(), abstract() if x_form else imm_st.map(lambda k: (Scalar.const(k), k & U64)),
           st.randoms(use_true_random=False))
    def check(d: tuple[Scalar, int], s: tuple[Scalar, int], rng: random.Random) -> None:
        (dst, x), (src, y) = d, s
        if op == AluOp.NEG:
            src, y = dst, x
        for xv in more_members(dst, x, rng):
            for yv in more_members(src, y, rng, 1) if x_form else [y]:
                want = concrete_alu(op, is64, xv, yv, off)
                base = dst
                fork = maybe_fork_scalars(op, dst, src)
                if fork is not None:
                    base = fork[0] if fork[0].contains(xv) else fork[1]
                    assert base.contains(xv), (fork, xv)
                got = alu(op, base, src, is64, off)
                assert got.contains(want), f"{op.name} {dst} {src} x={xv:#x} y={yv:#x} -> {want:#x} not in {got}"

    check()


@pytest.mark.parametrize(("imm", "is64", "to_be"), [
    (16, False, False), (32, False, False), (64, False, False),
    (16, False, True), (32, False, True), (64, False, True),
    (16, True, False), (32, True, False), (64, True, False),
])
def test_byte_swap_is_sound(imm: int, is64: bool, to_be: bool) -> None:
    @SETTINGS
    @given(abstract(), st.randoms(use_true_random=False))
    def check(d: tuple[Scalar, int], rng: random.Random) -> None:
        dst, x = d
        for xv in more_members(dst, x, rng):
            want = concrete_alu(AluOp.END, is64, xv, 0, imm=imm, to_be=to_be)
            got = alu(AluOp.END, dst, dst, is64, imm=imm, to_be=to_be)
            assert got.contains(want), f"END{imm} {dst} x={xv:#x} -> {want:#x} not in {got}"

    check()


_JMPS = (JmpOp.JEQ, JmpOp.JNE, JmpOp.JGT, JmpOp.JGE, JmpOp.JLT, JmpOp.JLE, JmpOp.JSGT, JmpOp.JSGE,
         JmpOp.JSLT, JmpOp.JSLE, JmpOp.JSET)


@pytest.mark.parametrize("op", _JMPS, ids=lambda o: o.name)
@pytest.mark.parametrize("is32", [False, True], ids=["jmp64", "jmp32"])
@pytest.mark.parametrize("form", ["K", "X", "same"])
def test_branch_is_sound(op: JmpOp, is32: bool, form: str) -> None:
    @SETTINGS
    @given(abstract(), abstract() if form == "X" else st.integers(S32_MIN, S32_MAX),
           st.randoms(use_true_random=False))
    def check(d: tuple[Scalar, int], s: tuple[Scalar, int] | int, rng: random.Random) -> None:
        a, x = d
        if form == "X":
            assert isinstance(s, tuple)
            b, y = s
        elif form == "K":
            assert isinstance(s, int)
            b, y = Scalar.const(s), s & U64
        else:
            b, y = a, x
        same = form == "same"
        pred = is_branch_taken(op, a, b, is32, same_reg=same)
        ref = refine_cond(op, a, b, is32, same_reg=same) if pred < 0 else None
        for xv in more_members(a, x, rng):
            ys = [xv] if same else (more_members(b, y, rng, 1) if form == "X" else [y])
            for yv in ys:
                taken = concrete_jmp(op, is32, xv, yv)
                assert pred in (-1, int(taken)), f"{op.name} {a} {b} x={xv:#x} y={yv:#x} taken={taken} pred={pred}"
                if ref is not None:
                    e1, e2 = ref.taken if taken else ref.fall
                    assert e1.contains(xv) and e2.contains(yv), (
                        f"{op.name} {'taken' if taken else 'fall'} x={xv:#x} y={yv:#x}: {e1} {e2}")

    check()


# --- tnum operations ---------------------------------------------------------------------------

@st.composite
def tnum_member(draw: st.DrawFn) -> tuple[Tnum, int]:
    x = draw(values)
    m = draw(masks)
    return Tnum(x & ~m & U64, m), x


_TNUM_BINOPS: dict[str, tuple[Callable[[Tnum, Tnum], Tnum], Callable[[int, int], int]]] = {
    "add": (Tnum.add, lambda a, b: (a + b) & U64),
    "sub": (Tnum.sub, lambda a, b: (a - b) & U64),
    "mul": (Tnum.mul, lambda a, b: (a * b) & U64),
    "and": (Tnum.and_, lambda a, b: a & b),
    "or": (Tnum.or_, lambda a, b: a | b),
    "xor": (Tnum.xor, lambda a, b: a ^ b),
}


@pytest.mark.parametrize("name", sorted(_TNUM_BINOPS))
def test_tnum_binops_are_sound(name: str) -> None:
    f, conc = _TNUM_BINOPS[name]

    @SETTINGS
    @given(tnum_member(), tnum_member())
    def check(a: tuple[Tnum, int], b: tuple[Tnum, int]) -> None:
        assert f(a[0], b[0]).contains(conc(a[1], b[1]))

    check()


def test_tnum_union_intersect_shifts_casts() -> None:
    @SETTINGS
    @given(tnum_member(), tnum_member(), st.integers(0, 63))
    def check(a: tuple[Tnum, int], b: tuple[Tnum, int], k: int) -> None:
        (ta, x), (tb, y) = a, b
        u = ta.union(tb)
        assert u.contains(x) and u.contains(y)
        assert ta.intersect(Tnum(x, 0)).contains(x)
        assert ta.lshift(k).contains((x << k) & U64)
        assert ta.rshift(k).contains(x >> k)
        assert ta.arshift(k).contains((s64(x) >> k) & U64)
        assert ta.arshift(k % 32, 32).contains((s32(x) >> (k % 32)) & U32)
        assert ta.neg().contains(-x & U64)
        assert ta.cast(k % 8 + 1).contains(x & ((1 << (8 * (k % 8 + 1))) - 1))
        assert ta.in_(Tnum(x, 0)) and ta.overlap(Tnum(x, 0))
        assert ta.subreg().contains(x & U32) and ta.clear_subreg().contains(x & ~U32 & U64)
        assert ta.with_subreg(tb).contains((x & ~U32 & U64) | (y & U32))

    check()


@cache
def _members(t: Tnum) -> tuple[int, ...]:
    return tuple(sorted({t.value | sub for sub in _submasks(t.mask)}))


def _submasks(m: int) -> list[int]:
    out, sub = [], m
    while True:
        out.append(sub)
        if sub == 0:
            return out
        sub = (sub - 1) & m


def test_tnum_step_is_the_next_member() -> None:
    rng = random.Random(7)
    for _ in range(400):
        mask = 0
        for _b in range(rng.randint(0, 7)):
            mask |= 1 << rng.choice((0, 1, 2, 3, 5, 8, 13, 31, 32, 40, 62, 63))
        t = Tnum(rng.getrandbits(64) & ~mask & U64, mask)
        ms = _members(t)
        for z in (ms[0], ms[-1], rng.choice(ms), rng.choice(ms) + 1, rng.choice(ms) - 1, rng.getrandbits(64)):
            z &= U64
            want = next((m for m in ms if m > z), ms[-1])
            if z < ms[0]:
                want = ms[0]
            assert t.step(z) == want, (t, z)


def test_coercions_are_sound() -> None:
    @SETTINGS
    @given(abstract(), st.sampled_from((1, 2, 4)), st.randoms(use_true_random=False))
    def check(d: tuple[Scalar, int], size: int, rng: random.Random) -> None:
        s, x = d
        for xv in more_members(s, x, rng):
            lo = xv & ((1 << (8 * size)) - 1)
            sx = (lo - (1 << (8 * size)) if lo >> (8 * size - 1) else lo) & U64
            assert coerce_reg_to_size(s, size).contains(lo)
            assert coerce_reg_to_size_sx(s, size).contains(sx)

    check()


def test_jset_not_is_the_private_reverse_opcode() -> None:
    from verifier_model.model.scalar import rev_opcode

    assert rev_opcode(JmpOp.JSET) == JSET_NOT and rev_opcode(JSET_NOT) == JmpOp.JSET


@pytest.mark.parametrize("is64", [True, False], ids=["alu64", "alu32"])
def test_constant_folding_equals_the_kernel_steps(is64: bool) -> None:
    """adjust_scalar_min_max_vals folds exact constants; the kernel's full steps give the same."""
    from verifier_model.model.scalar import _CONST_FOLD, _adjust_scalar_min_max_vals

    @SETTINGS
    @given(values, values, st.sampled_from(sorted(_CONST_FOLD)), st.sampled_from((16, 32, 64)),
           st.booleans())
    def check(x: int, y: int, op: AluOp, imm: int, to_be: bool) -> None:
        if op in (AluOp.LSH, AluOp.RSH, AluOp.ARSH):
            y %= 64 if is64 else 32
        a, b = Scalar.const(x), Scalar.const(y)
        if op == AluOp.END:
            b = a
        fast = alu(op, a, b, is64, imm=imm, to_be=to_be)
        slow = _adjust_scalar_min_max_vals(op, a, b, is64, imm=imm, to_be=to_be)
        assert fast == slow, (op.name, x, y, fast, slow)

    check()
