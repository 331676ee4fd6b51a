"""Scalar abstract domain: tnum plus signed/unsigned 64- and 32-bit bounds (kernel/bpf/tnum.c,
the bounds code of kernel/bpf/verifier.c, the scalar printing of kernel/bpf/log.c), as Linux 6.18
computes it.

All integers are Python ints. 64-bit unsigned fields lie in [0, 2**64), signed 64-bit fields in
[-2**63, 2**63); 32-bit likewise. `Tnum` and `Scalar` are immutable values; the kernel's bounds
code mutates a `struct bpf_reg_state`, so the transfer functions here run the kernel's steps on a
private mutable scratch register (`_Reg`) and freeze the result. Each private step is named after
the kernel function it mirrors.

Public entry points: `alu` (adjust_scalar_min_max_vals and the scalar MOV cases of
check_alu_op), `is_branch_taken` (is_scalar_branch_taken), `reg_set_min_max` (regs_refine_cond_op
+ reg_bounds_sync on both edges), the coerce_* / zext helpers used by loads and moves, and
`scalar_str` / `Scalar.fmt` (print_reg_state / print_scalar_ranges).
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..isa.opcodes import AluOp, JmpOp

U64 = (1 << 64) - 1
U32 = (1 << 32) - 1
S64_MIN = -(1 << 63)
S64_MAX = (1 << 63) - 1
S32_MIN = -(1 << 31)
S32_MAX = (1 << 31) - 1
_HI32 = U64 ^ U32  # ~0xffffffffULL

# BPF_JSET | BPF_X: regs_refine_cond_op's private opcode for "JSET not taken" (rev_opcode).
JSET_NOT = int(JmpOp.JSET) | 0x08

# 6.18 behaviour where neighbouring kernels differ, each settled against the live 6.18.44 kernel
# by differential runs (tests/test_scalar_live.py; flipping any True/3 one makes them disagree).
DEDUCE_ROUNDS = 3  # reg_bounds_sync runs __reg_deduce_bounds three times
S32_CROSSING_REFINE = True  # __reg32_deduce_bounds: an s32 range crossing the sign is cut by u32
TNUM_OVERLAP_JEQ = True  # is_scalar_branch_taken: JEQ/JNE decided by !tnum_overlap
JSET_NOT_FORGETS_RANGES = True  # regs_refine_cond_op: the JSET false edge unbounds before the tnum
# Newer kernels only (not in 6.18, written from their description, unverified): deciding a branch
# by simulating both refinements, and deciding `if r1 op r1` outright. In 6.18 both edges are
# explored; an ill-formed refinement is a logged verifier bug (reg_bounds_sanity_check).
SIMULATE_BRANCHES = False
SAME_REG_BRANCH_TAKEN = False


def s64(v: int) -> int:
    """(s64)v for any int v."""
    v &= U64
    return v - (1 << 64) if v >> 63 else v


def s32(v: int) -> int:
    """(s32)v for any int v."""
    v &= U32
    return v - (1 << 32) if v >> 31 else v


def _s8(v: int) -> int:
    v &= 0xFF
    return v - 0x100 if v >> 7 else v


def _s16(v: int) -> int:
    v &= 0xFFFF
    return v - 0x10000 if v >> 15 else v


# ---------------------------------------------------------------------------------------------
# Tnum (kernel/bpf/tnum.c)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Tnum:
    """Tristate number: bit i known iff mask bit i is 0, then its value is value bit i."""

    value: int
    mask: int

    @staticmethod
    def const(v: int) -> Tnum:  # tnum_const
        return Tnum(v & U64, 0)

    @staticmethod
    def unknown() -> Tnum:  # tnum_unknown
        return TNUM_UNKNOWN

    @staticmethod
    def range(lo: int, hi: int) -> Tnum:  # tnum_range
        lo &= U64
        chi = lo ^ (hi & U64)
        bits = chi.bit_length()  # fls64
        if bits > 63:
            return TNUM_UNKNOWN
        delta = (1 << bits) - 1
        return Tnum(lo & ~delta, delta)

    def is_const(self) -> bool:  # tnum_is_const
        return self.mask == 0

    def is_unknown(self) -> bool:  # tnum_is_unknown
        return self.mask == U64

    def equals_const(self, b: int) -> bool:  # tnum_equals_const
        return self.mask == 0 and self.value == (b & U64)

    def contains(self, v: int) -> bool:
        """Is the concrete value v (taken mod 2**64) a member?"""
        return (v & ~self.mask & U64) == self.value

    def lshift(self, shift: int) -> Tnum:  # tnum_lshift
        return Tnum((self.value << shift) & U64, (self.mask << shift) & U64)

    def rshift(self, shift: int) -> Tnum:  # tnum_rshift
        return Tnum(self.value >> shift, self.mask >> shift)

    def arshift(self, min_shift: int, insn_bitness: int = 64) -> Tnum:  # tnum_arshift
        if insn_bitness == 32:
            return Tnum((s32(self.value) >> min_shift) & U32, (s32(self.mask) >> min_shift) & U32)
        return Tnum((s64(self.value) >> min_shift) & U64, (s64(self.mask) >> min_shift) & U64)

    def add(self, b: Tnum) -> Tnum:  # tnum_add
        sm = (self.mask + b.mask) & U64
        sv = (self.value + b.value) & U64
        sigma = (sm + sv) & U64
        chi = sigma ^ sv
        mu = chi | self.mask | b.mask
        return Tnum(sv & ~mu, mu)

    def sub(self, b: Tnum) -> Tnum:  # tnum_sub
        dv = (self.value - b.value) & U64
        alpha = (dv + self.mask) & U64
        beta = (dv - b.mask) & U64
        chi = alpha ^ beta
        mu = chi | self.mask | b.mask
        return Tnum(dv & ~mu, mu)

    def neg(self) -> Tnum:  # tnum_neg
        return TNUM_ZERO.sub(self)

    def and_(self, b: Tnum) -> Tnum:  # tnum_and
        alpha = self.value | self.mask
        beta = b.value | b.mask
        v = self.value & b.value
        return Tnum(v, alpha & beta & ~v)

    def or_(self, b: Tnum) -> Tnum:  # tnum_or
        v = self.value | b.value
        mu = self.mask | b.mask
        return Tnum(v, mu & ~v)

    def xor(self, b: Tnum) -> Tnum:  # tnum_xor
        v = self.value ^ b.value
        mu = self.mask | b.mask
        return Tnum(v & ~mu, mu)

    def mul(self, b: Tnum) -> Tnum:  # tnum_mul
        """Accumulate b shifted by each bit of a: a known-1 bit adds (tnum_add), an unknown bit
        joins (tnum_union) the sums with and without it. On plain ints for speed."""
        av, am, bv, bm = self.value, self.mask, b.value, b.mask
        accv = accm = 0
        while av or am:
            if av & 1 or am & 1:
                # tnum_add(acc, b)
                sm = (accm + bm) & U64
                sv = (accv + bv) & U64
                mu = (((sm + sv) & U64) ^ sv) | accm | bm
                sv &= ~mu
                if av & 1:
                    accv, accm = sv, mu
                else:  # tnum_union(acc, acc + b)
                    mu = (accv ^ sv) | accm | mu
                    accv, accm = accv & sv & ~mu, mu
            av >>= 1
            am >>= 1
            bv = (bv << 1) & U64
            bm = (bm << 1) & U64
        return Tnum(accv, accm)

    def union(self, b: Tnum) -> Tnum:  # tnum_union
        v = self.value & b.value
        mu = (self.value ^ b.value) | self.mask | b.mask
        return Tnum(v & ~mu, mu)

    def intersect(self, b: Tnum) -> Tnum:  # tnum_intersect
        v = self.value | b.value
        mu = self.mask & b.mask
        return Tnum(v & ~mu, mu)

    def overlap(self, b: Tnum) -> bool:  # tnum_overlap
        mu = ~self.mask & ~b.mask
        return (self.value & mu) == (b.value & mu)

    def cast(self, size: int) -> Tnum:  # tnum_cast
        m = (1 << (size * 8)) - 1
        return Tnum(self.value & m, self.mask & m)

    def is_aligned(self, size: int) -> bool:  # tnum_is_aligned
        if not size:
            return True
        return not ((self.value | self.mask) & (size - 1))

    def in_(self, b: Tnum) -> bool:  # tnum_in: is b a subset of self?
        if b.mask & ~self.mask:
            return False
        return self.value == (b.value & ~self.mask)

    def subreg(self) -> Tnum:  # tnum_subreg
        return Tnum(self.value & U32, self.mask & U32)

    def clear_subreg(self) -> Tnum:  # tnum_clear_subreg
        return Tnum(self.value & _HI32, self.mask & _HI32)

    def with_subreg(self, subreg: Tnum) -> Tnum:  # tnum_with_subreg
        return self.clear_subreg().or_(subreg.subreg())

    def const_subreg(self, value: int) -> Tnum:  # tnum_const_subreg
        return self.with_subreg(Tnum(value & U32, 0))

    def subreg_is_const(self) -> bool:  # tnum_subreg_is_const
        return not (self.mask & U32)

    def bswap16(self) -> Tnum:  # tnum_bswap16
        return Tnum(_swab(self.value, 2), _swab(self.mask, 2))

    def bswap32(self) -> Tnum:  # tnum_bswap32
        return Tnum(_swab(self.value, 4), _swab(self.mask, 4))

    def bswap64(self) -> Tnum:  # tnum_bswap64
        return Tnum(_swab(self.value, 8), _swab(self.mask, 8))

    def step(self, z: int) -> int:  # tnum_step
        """The smallest member of self greater than z; tmax if z >= tmax (the largest member);
        tmin (= value) if z < tmin."""
        tmax = self.value | self.mask
        if z < self.value:
            return self.value
        if z >= tmax:
            return tmax
        # Members are value | (bits spread over mask). Counting in the "mask-compressed" space:
        # find the smallest member m > z by scanning from the top bit down.
        return _tnum_next_member(self, z)

    def strn(self) -> str:  # tnum_strn
        return f"({self.value:#x}; {self.mask:#x})"

    def sbin(self) -> str:  # tnum_sbin
        out = []
        for i in range(63, -1, -1):
            bit = 1 << i
            out.append("x" if self.mask & bit else ("1" if self.value & bit else "0"))
        return "".join(out)

    def __str__(self) -> str:
        return self.strn()


TNUM_UNKNOWN = Tnum(0, U64)
TNUM_ZERO = Tnum(0, 0)


def _swab(v: int, nbytes: int) -> int:
    return int.from_bytes((v & ((1 << (8 * nbytes)) - 1)).to_bytes(nbytes, "little"), "big")


def _tnum_next_member(t: Tnum, z: int) -> int:
    """Smallest member of t greater than z (the caller checked t.value <= z < tmax).

    Match x = z + 1 on t's unknown bits; the highest known bit where that disagrees with x
    decides: t has 1 there (the candidate is above x) -> keep x's higher bits, t's minimum below;
    t has 0 there -> carry 1 into the unknown bits above it, t's minimum below."""
    x = z + 1
    j = t.value | (x & t.mask)
    if j == x:
        return x
    h = (j ^ x).bit_length() - 1  # highest differing bit: a known one
    low = (1 << (h + 1)) - 1
    if j > x:
        return (x & ~low) | (t.value & low)
    # Set all known bits above h so the +1 carries through them into the next unknown bit.
    v = ((x & t.mask) | ~t.mask) & ~low & U64
    u = v + (1 << (h + 1))
    return (u & t.mask & U64) | t.value


# ---------------------------------------------------------------------------------------------
# Scalar value (the numeric part of struct bpf_reg_state)
# ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Scalar:
    """struct bpf_reg_state's numeric part: var_off and the eight bounds."""

    var_off: Tnum
    smin: int
    smax: int
    umin: int
    umax: int
    s32_min: int
    s32_max: int
    u32_min: int
    u32_max: int

    @staticmethod
    def unknown() -> Scalar:  # __mark_reg_unknown
        return SCALAR_UNKNOWN

    @staticmethod
    def const(v: int) -> Scalar:  # __mark_reg_known
        u = v & U64
        s = u - (1 << 64) if u >> 63 else u
        u32 = u & U32
        s32_ = u32 - (1 << 32) if u32 >> 31 else u32
        return Scalar(Tnum(u, 0), s, s, u, u, s32_, s32_, u32, u32)

    @staticmethod
    def from_tnum(t: Tnum) -> Scalar:
        """An unbounded register with var_off t, bounds then synced (reg_bounds_sync)."""
        r = _Reg.unknown()
        r.var_off = t
        r.reg_bounds_sync()
        return r.freeze()

    @staticmethod
    def urange(lo: int, hi: int) -> Scalar:
        """A register known only to lie in the unsigned range [lo, hi] (then synced)."""
        r = _Reg.unknown()
        r.umin, r.umax = lo & U64, hi & U64
        r.reg_bounds_sync()
        return r.freeze()

    @staticmethod
    def srange(lo: int, hi: int) -> Scalar:
        """A register known only to lie in the signed range [lo, hi] (then synced)."""
        r = _Reg.unknown()
        r.smin, r.smax = s64(lo), s64(hi)
        r.reg_bounds_sync()
        return r.freeze()

    @staticmethod
    def parse(text: str) -> Scalar:
        """The inverse of `scalar_str` (ids, `P` and linked-scalar offsets ignored): a bound the
        text omits is at its type's limit, an omitted var_off is unknown. Values are *not*
        re-synced: this is the state the kernel printed."""
        text = text.strip().removeprefix("P")
        if not text.startswith("scalar("):
            return Scalar.const(int(text, 0))
        body = text[len("scalar("):-1]
        b = {"smin": S64_MIN, "smax": S64_MAX, "umin": 0, "umax": U64, "smin32": S32_MIN, "smax32": S32_MAX,
                 "umin32": 0, "umax32": U32}
        var_off = TNUM_UNKNOWN
        for item in _split_items(body):
            if item.startswith("var_off="):
                v, m = item[len("var_off=("):-1].split(";")
                var_off = Tnum(int(v, 0), int(m, 0))
                continue
            *names, val = item.split("=")
            for name in names:
                if name in b:
                    n = int(val, 0)
                    b[name] = (s32(n) if name.endswith("32") else s64(n)) if name[0] == "s" else n
        return Scalar(var_off, b["smin"], b["smax"], b["umin"], b["umax"],
                      b["smin32"], b["smax32"], b["umin32"], b["umax32"])

    def is_const(self) -> bool:
        return self.var_off.mask == 0

    def subreg_is_const(self) -> bool:
        return not (self.var_off.mask & U32)

    def is_unknown(self) -> bool:
        return self == SCALAR_UNKNOWN

    @property
    def value(self) -> int:
        """The unsigned 64-bit value of a constant."""
        return self.var_off.value

    def contains(self, v: int) -> bool:
        """Is the concrete 64-bit value v (any sign) a member of this abstract value?"""
        u = v & U64
        s = u - (1 << 64) if u >> 63 else u
        u32 = u & U32
        s32_ = u32 - (1 << 32) if u32 >> 31 else u32
        return (
            self.var_off.contains(u)
            and self.smin <= s <= self.smax
            and self.umin <= u <= self.umax
            and self.s32_min <= s32_ <= self.s32_max
            and self.u32_min <= u32 <= self.u32_max
        )

    def range_bounds_violation(self) -> bool:  # range_bounds_violation
        return (
            self.umin > self.umax
            or self.smin > self.smax
            or self.u32_min > self.u32_max
            or self.s32_min > self.s32_max
        )

    def sanity_error(self) -> str | None:
        """reg_bounds_sanity_check's verdict: None if sane, else the kernel's reason text."""
        if self.range_bounds_violation():
            return "range bounds violation"
        t = self.var_off
        if t.mask == 0:
            u = t.value
            s = s64(u)
            if self.umin != u or self.umax != u or self.smin != s or self.smax != s:
                return "const tnum out of sync with range bounds"
        if not (t.mask & U32):
            u32 = t.value & U32
            if self.u32_min != u32 or self.u32_max != u32 or self.s32_min != s32(u32) or self.s32_max != s32(u32):
                return "const subreg tnum out of sync with range bounds"
        return None

    def fmt(self) -> str:
        """The bounds part of print_reg_state inside `scalar(...)`: print_scalar_ranges then
        `var_off=` unless the tnum is unknown. For a constant var_off this is the pointer form
        `imm=N` (empty for 0), as print_reg_state prints it for non-scalar registers."""
        if self.var_off.mask == 0:
            return f"imm={snum(self.var_off.value)}" if self.var_off.value else ""
        parts = print_scalar_ranges(self)
        if self.var_off.mask != U64:
            parts.append(f"var_off={self.var_off.strn()}")
        return ",".join(parts)

    def __str__(self) -> str:
        return scalar_str(self)


def _split_items(body: str) -> list[str]:
    items, depth, start = [], 0, 0
    for i, ch in enumerate(body):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "," and depth == 0:
            items.append(body[start:i])
            start = i + 1
    if body[start:]:
        items.append(body[start:])
    return items


SCALAR_UNKNOWN = Scalar(TNUM_UNKNOWN, S64_MIN, S64_MAX, 0, U64, S32_MIN, S32_MAX, 0, U32)


class _Reg:
    """Mutable scratch copy of a Scalar: the kernel's bounds code, step by step."""

    __slots__ = ("s32_max", "s32_min", "smax", "smin", "u32_max", "u32_min", "umax", "umin", "var_off")

    var_off: Tnum
    smin: int
    smax: int
    umin: int
    umax: int
    s32_min: int
    s32_max: int
    u32_min: int
    u32_max: int

    @staticmethod
    def of(s: Scalar) -> _Reg:
        r = _Reg.__new__(_Reg)
        r.var_off = s.var_off
        r.smin, r.smax, r.umin, r.umax = s.smin, s.smax, s.umin, s.umax
        r.s32_min, r.s32_max, r.u32_min, r.u32_max = s.s32_min, s.s32_max, s.u32_min, s.u32_max
        return r

    @staticmethod
    def unknown() -> _Reg:
        return _Reg.of(SCALAR_UNKNOWN)

    def freeze(self) -> Scalar:
        return Scalar(self.var_off, self.smin, self.smax, self.umin, self.umax,
                      self.s32_min, self.s32_max, self.u32_min, self.u32_max)

    def copy(self) -> _Reg:
        r = _Reg.__new__(_Reg)
        r.var_off = self.var_off
        r.smin, r.smax, r.umin, r.umax = self.smin, self.smax, self.umin, self.umax
        r.s32_min, r.s32_max, r.u32_min, r.u32_max = self.s32_min, self.s32_max, self.u32_min, self.u32_max
        return r

    # --- marking (verifier.c) ---------------------------------------------------------------

    def mark_known(self, imm: int) -> None:  # ___mark_reg_known
        u = imm & U64
        self.var_off = Tnum(u, 0)
        self.smin = self.smax = s64(u)
        self.umin = self.umax = u
        self.s32_min = self.s32_max = s32(u)
        self.u32_min = self.u32_max = u & U32

    def mark_reg32_known(self, imm: int) -> None:  # __mark_reg32_known
        self.var_off = self.var_off.const_subreg(imm)
        self.s32_min = self.s32_max = s32(imm)
        self.u32_min = self.u32_max = imm & U32

    def mark_unknown(self) -> None:  # __mark_reg_unknown (numeric part)
        self.var_off = TNUM_UNKNOWN
        self.mark_unbounded()

    def mark_unbounded(self) -> None:  # __mark_reg_unbounded
        self.mark_reg64_unbounded()
        self.mark_reg32_unbounded()

    def mark_reg64_unbounded(self) -> None:  # __mark_reg64_unbounded
        self.smin, self.smax, self.umin, self.umax = S64_MIN, S64_MAX, 0, U64

    def mark_reg32_unbounded(self) -> None:  # __mark_reg32_unbounded
        self.s32_min, self.s32_max, self.u32_min, self.u32_max = S32_MIN, S32_MAX, 0, U32

    # --- bounds sync (verifier.c) -----------------------------------------------------------

    def update_reg32_bounds(self) -> None:  # __update_reg32_bounds
        v = self.var_off.value & U32
        m = self.var_off.mask & U32
        # min signed is max(sign bit) | min(other bits); max signed is min(sign bit) | max(other)
        self.s32_min = max(self.s32_min, s32(v | (m & 0x80000000)))
        self.s32_max = min(self.s32_max, s32(v | (m & 0x7FFFFFFF)))
        self.u32_min = max(self.u32_min, v)
        self.u32_max = min(self.u32_max, v | m)

    def update_reg64_bounds(self) -> None:  # __update_reg64_bounds
        v, m = self.var_off.value, self.var_off.mask
        self.smin = max(self.smin, s64(v | (m & (1 << 63))))
        self.smax = min(self.smax, s64(v | (m & S64_MAX)))
        self.umin = max(self.umin, v)
        self.umax = min(self.umax, v | m)
        # The u64 range and the tnum may overlap in a single value: then that's the value.
        tnum_next = self.var_off.step(self.umin)
        umin_in_tnum = (self.umin & ~m) == v
        tmax = v | m
        if umin_in_tnum and tnum_next > self.umax:
            self.mark_known(self.umin)  # overlap only in umin
        elif not umin_in_tnum and tnum_next == tmax:
            self.mark_known(tmax)  # overlap only in tmax
        elif not umin_in_tnum and tnum_next <= self.umax and self.var_off.step(tnum_next) > self.umax:
            self.mark_known(tnum_next)  # overlap only strictly inside (umin, umax]

    def update_reg_bounds(self) -> None:  # __update_reg_bounds
        self.update_reg32_bounds()
        self.update_reg64_bounds()

    def reg32_deduce_bounds(self) -> None:  # __reg32_deduce_bounds
        umin, umax, smin, smax = self.umin, self.umax, self.smin, self.smax
        # If the upper 32 bits of the u64/s64 range don't change, the low 32 bits form a range.
        if (umin >> 32) == (umax >> 32):
            self.u32_min = max(self.u32_min, umin & U32)
            self.u32_max = min(self.u32_max, umax & U32)
            if s32(umin) <= s32(umax):
                self.s32_min = max(self.s32_min, s32(umin))
                self.s32_max = min(self.s32_max, s32(umax))
        if (smin >> 32) == (smax >> 32):
            if (smin & U32) <= (smax & U32):
                self.u32_min = max(self.u32_min, smin & U32)
                self.u32_max = min(self.u32_max, smax & U32)
            if s32(smin) <= s32(smax):
                self.s32_min = max(self.s32_min, s32(smin))
                self.s32_max = min(self.s32_max, s32(smax))
        # Upper 32 bits form two consecutive numbers while the low 32 bits go from negative to
        # positive: the low halves still form a valid s32 range.
        if ((umin >> 32) + 1) & U32 == (umax >> 32) & U32 and s32(umin) < 0 and s32(umax) >= 0:
            self.s32_min = max(self.s32_min, s32(umin))
            self.s32_max = min(self.s32_max, s32(umax))
        if (((smin & U64) >> 32) + 1) & U32 == ((smax & U64) >> 32) & U32 and s32(smin) < 0 and s32(smax) >= 0:
            self.s32_min = max(self.s32_min, s32(smin))
            self.s32_max = min(self.s32_max, s32(smax))
        # If the u32 range forms a valid s32 range (matching sign bit), learn from it.
        if s32(self.u32_min) <= s32(self.u32_max):
            self.s32_min = max(self.s32_min, s32(self.u32_min))
            self.s32_max = min(self.s32_max, s32(self.u32_max))
        # If we cannot cross the sign boundary, signed and unsigned bounds are the same.
        if (self.s32_min & U32) <= (self.s32_max & U32):
            self.u32_min = max(self.s32_min & U32, self.u32_min)
            self.u32_max = min(self.s32_max & U32, self.u32_max)
        elif S32_CROSSING_REFINE:
            if self.u32_max < (self.s32_min & U32):
                self.s32_min = s32(self.u32_min)
                self.u32_max = min(self.u32_max, self.s32_max & U32)
            elif (self.s32_max & U32) < self.u32_min:
                self.s32_max = s32(self.u32_max)
                self.u32_min = max(self.u32_min, self.s32_min & U32)

    def reg64_deduce_bounds(self) -> None:  # __reg64_deduce_bounds
        # If the u64 range forms a valid s64 range (matching sign bit), learn from it.
        if s64(self.umin) <= s64(self.umax):
            self.smin = max(self.smin, s64(self.umin))
            self.smax = min(self.smax, s64(self.umax))
        # If we cannot cross the sign boundary, signed and unsigned bounds are the same.
        if (self.smin & U64) <= (self.smax & U64):
            self.umin = max(self.smin & U64, self.umin)
            self.umax = min(self.smax & U64, self.umax)
        else:
            # The s64 range wraps through the u64 domain's ends: if the u64 range overlaps only
            # one end of it, both can be tightened.
            if self.umax < (self.smin & U64):
                self.smin = s64(self.umin)
                self.umax = min(self.umax, self.smax & U64)
            elif (self.smax & U64) < self.umin:
                self.smax = s64(self.umax)
                self.umin = max(self.umin, self.smin & U64)

    def reg_deduce_mixed_bounds(self) -> None:  # __reg_deduce_mixed_bounds
        # Tighten 64-bit bounds from 32-bit ones, substituting them as the low 32 bits.
        new_umin = (self.umin & _HI32) | self.u32_min
        new_umax = (self.umax & _HI32) | self.u32_max
        self.umin = max(self.umin, new_umin)
        self.umax = min(self.umax, new_umax)
        new_smin = s64((self.smin & _HI32) | self.u32_min)
        new_smax = s64((self.smax & _HI32) | self.u32_max)
        self.smin = max(self.smin, new_smin)
        self.smax = min(self.smax, new_smax)
        # After a sign-extending load: upper bits all 0s or all 1s, but positive low 32 bits
        # rule the all-1s half out.
        if self.s32_min >= 0 and self.smin >= S32_MIN and self.smax <= S32_MAX:
            self.smin = self.s32_min
            self.smax = self.s32_max
            self.umin = self.s32_min
            self.umax = self.s32_max
            self.var_off = self.var_off.intersect(Tnum.range(self.smin, self.smax))

    def reg_deduce_bounds(self) -> None:  # __reg_deduce_bounds
        self.reg32_deduce_bounds()
        self.reg64_deduce_bounds()
        self.reg_deduce_mixed_bounds()

    def reg_bound_offset(self) -> None:  # __reg_bound_offset
        var64_off = self.var_off.intersect(Tnum.range(self.umin, self.umax))
        var32_off = var64_off.subreg().intersect(Tnum.range(self.u32_min, self.u32_max))
        self.var_off = var64_off.clear_subreg().or_(var32_off)

    def reg_bounds_sync(self) -> None:  # reg_bounds_sync
        v = self.var_off.value
        if (self.var_off.mask == 0 and self.umin == v and self.umax == v and self.u32_min == v & U32
                and self.u32_max == v & U32 and self.smin == self.smax == s64(v)
                and self.s32_min == self.s32_max == s32(v)):
            return  # an exact constant is already in sync
        # We might have learned new bounds from the var_off.
        self.update_reg_bounds()
        # We might have learned something about the sign bit.
        for _ in range(DEDUCE_ROUNDS):
            self.reg_deduce_bounds()
        # We might have learned some bits from the bounds.
        self.reg_bound_offset()
        # Intersecting with the old var_off might have improved our bounds slightly.
        self.update_reg_bounds()

    def range_bounds_violation(self) -> bool:  # range_bounds_violation
        return (self.umin > self.umax or self.smin > self.smax
                or self.u32_min > self.u32_max or self.s32_min > self.s32_max)

    # --- 32 -> 64 and size coercion -----------------------------------------------------------

    def reg_assign_32_into_64(self) -> None:  # __reg_assign_32_into_64
        self.umin = self.u32_min
        self.umax = self.u32_max
        # Pull the s32 bounds into s64 only if both are non-negative.
        if 0 <= self.s32_min and 0 <= self.s32_max:
            self.smin = self.s32_min
            self.smax = self.s32_max
        else:
            self.smin = 0
            self.smax = U32

    def zext_32_to_64(self) -> None:  # zext_32_to_64
        self.var_off = self.var_off.subreg()
        self.reg_assign_32_into_64()

    def coerce_reg_to_size(self, size: int) -> None:  # coerce_reg_to_size
        # clear high bits in bit representation
        self.var_off = self.var_off.cast(size)
        # fix arithmetic bounds
        mask = (1 << (size * 8)) - 1
        if (self.umin & ~mask) == (self.umax & ~mask):
            self.umin &= mask
            self.umax &= mask
        else:
            self.umin = 0
            self.umax = mask
        self.smin = s64(self.umin)
        self.smax = s64(self.umax)
        # Below 32 bits the 32-bit bounds are truncated too: push the 64-bit ones down.
        if size < 4:
            self.mark_reg32_unbounded()
        self.reg_bounds_sync()

    def set_sext64_default_val(self, size: int) -> None:  # set_sext64_default_val
        lo, hi = _SEXT_RANGE[size]
        self.smin = self.s32_min = lo
        self.smax = self.s32_max = hi
        self.umin = self.u32_min = 0
        self.umax = U64
        self.u32_max = U32
        self.var_off = TNUM_UNKNOWN

    def coerce_reg_to_size_sx(self, size: int, subreg_bounds: bool = False) -> None:  # coerce_reg_to_size_sx
        """`subreg_bounds`: the later 6.18.44 build (profile field `movsx_subreg_bounds`; measured on
        it, its source is not public): when the 64-bit bounds do not give the result and the signed
        32-bit range lies within the narrow type's range, the result is that range (a 32-bit sign
        extension also keeps the unsigned 32-bit bounds), then the bounds are synced."""
        sx = _SEXT[size]
        if self.var_off.mask == 0:
            c = sx(self.var_off.value) & U64
            self.var_off = Tnum(c, 0)
            self.smin = self.smax = s64(c)
            self.umin = self.umax = c
            self.s32_min = self.s32_max = s32(c)
            self.u32_min = self.u32_max = c & U32
            return
        num_bits = size * 8
        top_smax = ((self.smax & U64) >> num_bits) << num_bits
        top_smin = ((self.smin & U64) >> num_bits) << num_bits
        if top_smax == top_smin:
            init_max = sx(self.smax)
            init_min = sx(self.smin)
            hi = max(init_max, init_min)
            lo = min(init_max, init_min)
            if (hi >= 0) == (lo >= 0):  # both positive or both negative
                self.smin, self.s32_min = lo, s32(lo)
                self.smax, self.s32_max = hi, s32(hi)
                self.umin, self.u32_min = lo & U64, lo & U32
                self.umax, self.u32_max = hi & U64, hi & U32
                self.var_off = Tnum.range(lo & U64, hi & U64)
                return
        if subreg_bounds:
            lo_t, hi_t = _SEXT_RANGE[size]
            if lo_t <= self.s32_min and self.s32_max <= hi_t:  # always so for size 4
                # the low `size` bytes already hold the value: sign extension keeps the 32-bit range
                keep32 = (self.s32_min, self.s32_max, self.u32_min, self.u32_max)
                self.set_sext64_default_val(size)
                self.smin, self.smax = keep32[0], keep32[1]
                if size == 4:  # the low half is unchanged
                    self.s32_min, self.s32_max, self.u32_min, self.u32_max = keep32
                else:
                    self.s32_min, self.s32_max = keep32[0], keep32[1]
                self.reg_bounds_sync()
                return
        self.set_sext64_default_val(size)

    def set_sext32_default_val(self, size: int) -> None:  # set_sext32_default_val
        lo, hi = _SEXT_RANGE[size]
        self.s32_min, self.s32_max = lo, hi
        self.u32_min, self.u32_max = 0, U32
        self.var_off = TNUM_UNKNOWN.subreg()

    def coerce_subreg_to_size_sx(self, size: int) -> None:  # coerce_subreg_to_size_sx
        sx = _SEXT[size]
        if self.var_off.mask == 0:
            c = sx(self.var_off.value)
            self.var_off = Tnum(c & U64, 0)
            self.s32_min = self.s32_max = s32(c)
            self.u32_min = self.u32_max = c & U32
            return
        num_bits = size * 8
        top_smax = ((self.s32_max & U32) >> num_bits) << num_bits
        top_smin = ((self.s32_min & U32) >> num_bits) << num_bits
        if top_smax == top_smin:
            init_max = sx(self.s32_max)
            init_min = sx(self.s32_min)
            hi = max(init_max, init_min)
            lo = min(init_max, init_min)
            if (lo >= 0) == (hi >= 0):
                self.s32_min, self.s32_max = lo, hi
                self.u32_min, self.u32_max = lo & U32, hi & U32
                self.var_off = Tnum.range(lo & U64, hi & U64).subreg()
                return
        self.set_sext32_default_val(size)


_SEXT = {1: _s8, 2: _s16, 4: s32}
# the signed range of each sign-extension width
_SEXT_RANGE = {1: (-0x80, 0x7F), 2: (-0x8000, 0x7FFF), 4: (S32_MIN, S32_MAX)}


# ---------------------------------------------------------------------------------------------
# Public scalar helpers
# ---------------------------------------------------------------------------------------------


def reg_bounds_sync(s: Scalar) -> Scalar:  # reg_bounds_sync
    r = _Reg.of(s)
    r.reg_bounds_sync()
    return r.freeze()


def zext_32_to_64(s: Scalar) -> Scalar:  # zext_32_to_64 (no sync, as in the kernel)
    r = _Reg.of(s)
    r.zext_32_to_64()
    return r.freeze()


def coerce_reg_to_size(s: Scalar, size: int) -> Scalar:  # coerce_reg_to_size
    """Truncate to `size` bytes (zero-extending loads, 32-bit results)."""
    if size >= 8:
        return s
    r = _Reg.of(s)
    r.coerce_reg_to_size(size)
    return r.freeze()


def coerce_reg_to_size_sx(s: Scalar, size: int, subreg_bounds: bool = False) -> Scalar:  # coerce_reg_to_size_sx
    """Sign-extend the low `size` bytes to 64 bits (movsx64, ldsx)."""
    r = _Reg.of(s)
    r.coerce_reg_to_size_sx(size, subreg_bounds)
    return r.freeze()


def coerce_subreg_to_size_sx(s: Scalar, size: int) -> Scalar:  # coerce_subreg_to_size_sx
    """Sign-extend the low `size` bytes to 32 bits (movsx32); 64-bit half untouched."""
    r = _Reg.of(s)
    r.coerce_subreg_to_size_sx(size)
    return r.freeze()


def mark_reg_unknown() -> Scalar:  # mark_reg_unknown / __mark_reg_unknown
    return SCALAR_UNKNOWN


def mark_reg_known(v: int) -> Scalar:  # __mark_reg_known
    return Scalar.const(v)


def mark_reg32_known(s: Scalar, v: int) -> Scalar:  # __mark_reg32_known
    r = _Reg.of(s)
    r.mark_reg32_known(v)
    return r.freeze()


def mark_reg_unbounded(s: Scalar) -> Scalar:  # __mark_reg_unbounded
    r = _Reg.of(s)
    r.mark_unbounded()
    return r.freeze()


def reg_const_value(s: Scalar, is32: bool) -> int:  # reg_const_value
    return s.var_off.value & U32 if is32 else s.var_off.value


def is_reg_const(s: Scalar, is32: bool) -> bool:  # is_reg_const
    return not (s.var_off.mask & U32) if is32 else s.var_off.mask == 0


def get_reg_width(s: Scalar) -> int:  # get_reg_width
    return s.umax.bit_length()


# ---------------------------------------------------------------------------------------------
# ALU: adjust_scalar_min_max_vals and the scalar MOV cases of check_alu_op
# ---------------------------------------------------------------------------------------------


def _add_ovf(a: int, b: int, lo: int, hi: int) -> tuple[int, bool]:
    """check_add_overflow on a type with range [lo, hi]: wrapped result, overflowed?"""
    r = a + b
    if lo <= r <= hi:
        return r, False
    return _wrap(r, lo, hi), True


def _sub_ovf(a: int, b: int, lo: int, hi: int) -> tuple[int, bool]:
    r = a - b
    if lo <= r <= hi:
        return r, False
    return _wrap(r, lo, hi), True


def _mul_ovf(a: int, b: int, lo: int, hi: int) -> tuple[int, bool]:
    r = a * b
    if lo <= r <= hi:
        return r, False
    return _wrap(r, lo, hi), True


def _wrap(r: int, lo: int, hi: int) -> int:
    span = hi - lo + 1
    return (r - lo) % span + lo


def _scalar32_min_max_add(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_add
    smin, o1 = _add_ovf(d.s32_min, s.s32_min, S32_MIN, S32_MAX)
    smax, o2 = _add_ovf(d.s32_max, s.s32_max, S32_MIN, S32_MAX)
    d.s32_min, d.s32_max = (S32_MIN, S32_MAX) if (o1 or o2) else (smin, smax)
    # All additions overflow or none do: the wrapped bounds stay ordered.
    umin, min_ovf = _add_ovf(d.u32_min, s.u32_min, 0, U32)
    umax, max_ovf = _add_ovf(d.u32_max, s.u32_max, 0, U32)
    d.u32_min, d.u32_max = (0, U32) if (not min_ovf and max_ovf) else (umin, umax)


def _scalar_min_max_add(d: _Reg, s: _Reg) -> None:  # scalar_min_max_add
    smin, o1 = _add_ovf(d.smin, s.smin, S64_MIN, S64_MAX)
    smax, o2 = _add_ovf(d.smax, s.smax, S64_MIN, S64_MAX)
    d.smin, d.smax = (S64_MIN, S64_MAX) if (o1 or o2) else (smin, smax)
    umin, min_ovf = _add_ovf(d.umin, s.umin, 0, U64)
    umax, max_ovf = _add_ovf(d.umax, s.umax, 0, U64)
    d.umin, d.umax = (0, U64) if (not min_ovf and max_ovf) else (umin, umax)


def _scalar32_min_max_sub(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_sub
    smin, o1 = _sub_ovf(d.s32_min, s.s32_max, S32_MIN, S32_MAX)
    smax, o2 = _sub_ovf(d.s32_max, s.s32_min, S32_MIN, S32_MAX)
    d.s32_min, d.s32_max = (S32_MIN, S32_MAX) if (o1 or o2) else (smin, smax)
    # All subtractions underflow or none do: the wrapped bounds stay ordered.
    umin, min_unf = _sub_ovf(d.u32_min, s.u32_max, 0, U32)
    umax, max_unf = _sub_ovf(d.u32_max, s.u32_min, 0, U32)
    d.u32_min, d.u32_max = (0, U32) if (min_unf and not max_unf) else (umin, umax)


def _scalar_min_max_sub(d: _Reg, s: _Reg) -> None:  # scalar_min_max_sub
    smin, o1 = _sub_ovf(d.smin, s.smax, S64_MIN, S64_MAX)
    smax, o2 = _sub_ovf(d.smax, s.smin, S64_MIN, S64_MAX)
    d.smin, d.smax = (S64_MIN, S64_MAX) if (o1 or o2) else (smin, smax)
    umin, min_unf = _sub_ovf(d.umin, s.umax, 0, U64)
    umax, max_unf = _sub_ovf(d.umax, s.umin, 0, U64)
    d.umin, d.umax = (0, U64) if (min_unf and not max_unf) else (umin, umax)


def _scalar32_min_max_mul(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_mul
    umax, o1 = _mul_ovf(d.u32_max, s.u32_max, 0, U32)
    umin, o2 = _mul_ovf(d.u32_min, s.u32_min, 0, U32)
    d.u32_min, d.u32_max = (0, U32) if (o1 or o2) else (umin, umax)
    prods = [d.s32_min * s.s32_min, d.s32_min * s.s32_max, d.s32_max * s.s32_min, d.s32_max * s.s32_max]
    if any(p < S32_MIN or p > S32_MAX for p in prods):
        d.s32_min, d.s32_max = S32_MIN, S32_MAX
    else:
        d.s32_min, d.s32_max = min(prods), max(prods)


def _scalar_min_max_mul(d: _Reg, s: _Reg) -> None:  # scalar_min_max_mul
    umax, o1 = _mul_ovf(d.umax, s.umax, 0, U64)
    umin, o2 = _mul_ovf(d.umin, s.umin, 0, U64)
    d.umin, d.umax = (0, U64) if (o1 or o2) else (umin, umax)
    prods = [d.smin * s.smin, d.smin * s.smax, d.smax * s.smin, d.smax * s.smax]
    if any(p < S64_MIN or p > S64_MAX for p in prods):
        d.smin, d.smax = S64_MIN, S64_MAX
    else:
        d.smin, d.smax = min(prods), max(prods)


def _s32_from_u32_range(d: _Reg) -> None:
    """Safe to set s32 bounds from the u32 ones when they don't cross the sign boundary."""
    if s32(d.u32_min) <= s32(d.u32_max):
        d.s32_min, d.s32_max = s32(d.u32_min), s32(d.u32_max)
    else:
        d.s32_min, d.s32_max = S32_MIN, S32_MAX


def _s64_from_u64_range(d: _Reg) -> None:
    if s64(d.umin) <= s64(d.umax):
        d.smin, d.smax = s64(d.umin), s64(d.umax)
    else:
        d.smin, d.smax = S64_MIN, S64_MAX


def _scalar32_min_max_and(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_and
    var32 = d.var_off.subreg()
    if s.var_off.subreg_is_const() and var32.mask == 0:
        d.mark_reg32_known(var32.value)
        return
    # Minimum from the var_off (inherently bitwise); maximum is the minimum of the maxima.
    d.u32_min = var32.value
    d.u32_max = min(d.u32_max, s.u32_max)
    _s32_from_u32_range(d)


def _scalar_min_max_and(d: _Reg, s: _Reg) -> None:  # scalar_min_max_and
    if s.var_off.mask == 0 and d.var_off.mask == 0:
        d.mark_known(d.var_off.value)
        return
    d.umin = d.var_off.value
    d.umax = min(d.umax, s.umax)
    _s64_from_u64_range(d)
    d.update_reg_bounds()


def _scalar32_min_max_or(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_or
    var32 = d.var_off.subreg()
    if s.var_off.subreg_is_const() and var32.mask == 0:
        d.mark_reg32_known(var32.value)
        return
    # Maximum from the var_off; minimum is the maximum of the minima.
    d.u32_min = max(d.u32_min, s.u32_min)
    d.u32_max = var32.value | var32.mask
    _s32_from_u32_range(d)


def _scalar_min_max_or(d: _Reg, s: _Reg) -> None:  # scalar_min_max_or
    if s.var_off.mask == 0 and d.var_off.mask == 0:
        d.mark_known(d.var_off.value)
        return
    d.umin = max(d.umin, s.umin)
    d.umax = d.var_off.value | d.var_off.mask
    _s64_from_u64_range(d)
    d.update_reg_bounds()


def _scalar32_min_max_xor(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_xor
    var32 = d.var_off.subreg()
    if s.var_off.subreg_is_const() and var32.mask == 0:
        d.mark_reg32_known(var32.value)
        return
    d.u32_min = var32.value
    d.u32_max = var32.value | var32.mask
    _s32_from_u32_range(d)


def _scalar_min_max_xor(d: _Reg, s: _Reg) -> None:  # scalar_min_max_xor
    if s.var_off.mask == 0 and d.var_off.mask == 0:
        d.mark_known(d.var_off.value)
        return
    d.umin = d.var_off.value
    d.umax = d.var_off.value | d.var_off.mask
    _s64_from_u64_range(d)
    d.update_reg_bounds()


def _scalar32_min_max_lsh_bounds(d: _Reg, umin_val: int, umax_val: int) -> None:  # __scalar32_min_max_lsh
    # We lose all sign bit information (except what we can pick up from var_off).
    d.s32_min, d.s32_max = S32_MIN, S32_MAX
    # If we might shift our top bit out, then we know nothing.
    if umax_val > 31 or d.u32_max > 1 << (31 - umax_val):
        d.u32_min, d.u32_max = 0, U32
    else:
        d.u32_min = (d.u32_min << umin_val) & U32
        d.u32_max = (d.u32_max << umax_val) & U32


def _scalar32_min_max_lsh(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_lsh
    umax_val, umin_val = s.u32_max, s.u32_min
    subreg = d.var_off.subreg()  # u32 alu operation will zext upper bits
    _scalar32_min_max_lsh_bounds(d, umin_val, umax_val)
    d.var_off = subreg.lshift(umin_val).subreg()
    d.mark_reg64_unbounded()
    d.update_reg32_bounds()


def _scalar64_min_max_lsh_bounds(d: _Reg, umin_val: int, umax_val: int) -> None:  # __scalar64_min_max_lsh
    # Special case <<32: the `<<32 s>>32` sign-extension idiom keeps positive s32 bounds.
    if umin_val == 32 and umax_val == 32 and d.s32_max >= 0:
        d.smax = d.s32_max << 32
    else:
        d.smax = S64_MAX
    if umin_val == 32 and umax_val == 32 and d.s32_min >= 0:
        d.smin = d.s32_min << 32
    else:
        d.smin = S64_MIN
    # If we might shift our top bit out, then we know nothing.
    if d.umax > 1 << (63 - umax_val):
        d.umin, d.umax = 0, U64
    else:
        d.umin = (d.umin << umin_val) & U64
        d.umax = (d.umax << umax_val) & U64


def _scalar_min_max_lsh(d: _Reg, s: _Reg) -> None:  # scalar_min_max_lsh
    umax_val, umin_val = s.umax, s.umin
    # scalar64 calc uses 32bit unshifted bounds so must be called first
    _scalar64_min_max_lsh_bounds(d, umin_val, umax_val)
    _scalar32_min_max_lsh_bounds(d, umin_val, umax_val)
    d.var_off = d.var_off.lshift(umin_val)
    d.update_reg_bounds()


def _scalar32_min_max_rsh(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_rsh
    subreg = d.var_off.subreg()
    umax_val, umin_val = s.u32_max, s.u32_min
    # An unsigned shift: blow away the signed bounds, infer them from the unsigned ones.
    d.s32_min, d.s32_max = S32_MIN, S32_MAX
    d.var_off = subreg.rshift(umin_val)
    d.u32_min >>= umax_val
    d.u32_max >>= umin_val
    d.mark_reg64_unbounded()
    d.update_reg32_bounds()


def _scalar_min_max_rsh(d: _Reg, s: _Reg) -> None:  # scalar_min_max_rsh
    umax_val, umin_val = s.umax, s.umin
    d.smin, d.smax = S64_MIN, S64_MAX
    d.var_off = d.var_off.rshift(umin_val)
    d.umin >>= umax_val
    d.umax >>= umin_val
    # alu32 bounds depend on the bits shifted in: recompute them from the tnum.
    d.mark_reg32_unbounded()
    d.update_reg_bounds()


def _scalar32_min_max_arsh(d: _Reg, s: _Reg) -> None:  # scalar32_min_max_arsh
    umin_val = s.u32_min  # the shift is a known constant here
    d.s32_min = d.s32_min >> umin_val
    d.s32_max = d.s32_max >> umin_val
    d.var_off = d.var_off.subreg().arshift(umin_val, 32)
    d.u32_min, d.u32_max = 0, U32
    d.mark_reg64_unbounded()
    d.update_reg32_bounds()


def _scalar_min_max_arsh(d: _Reg, s: _Reg) -> None:  # scalar_min_max_arsh
    umin_val = s.umin
    d.smin >>= umin_val
    d.smax >>= umin_val
    d.var_off = d.var_off.arshift(umin_val, 64)
    d.umin, d.umax = 0, U64
    d.mark_reg32_unbounded()
    d.update_reg_bounds()


def _scalar_byte_swap(d: _Reg, imm: int, is64: bool, to_be: bool) -> None:  # scalar_byte_swap
    # x86/arm64 are little-endian: to_le is a truncation, to_be and bswap (ALU64) swap.
    if is64 or to_be:
        if imm == 16:
            d.var_off = d.var_off.bswap16()
        elif imm == 32:
            d.var_off = d.var_off.bswap32()
        elif imm == 64:
            d.var_off = d.var_off.bswap64()
        # Byte swapping scrambles the ranges: re-derive them from the tnum.
        d.mark_unbounded()
    if imm in (16, 32):
        d.coerce_reg_to_size(imm // 8)


def is_safe_to_compute_dst_reg_range(op: AluOp, src: Scalar, is64: bool) -> bool:  # is_safe_to_compute_dst_reg_range
    if is64:
        src_is_const = src.var_off.mask == 0 and src.smin == src.smax and src.umin == src.umax
    else:
        src_is_const = (not (src.var_off.mask & U32) and src.s32_min == src.s32_max
                        and src.u32_min == src.u32_max)
    if op in _ALWAYS_SAFE:
        return True
    if op in (AluOp.LSH, AluOp.RSH, AluOp.ARSH):
        # Shift ranges are only computable for a constant in-range shift amount.
        return src_is_const and src.umax < (64 if is64 else 32)
    return False


_ALWAYS_SAFE = frozenset({AluOp.ADD, AluOp.SUB, AluOp.NEG, AluOp.AND, AluOp.XOR, AluOp.OR,
                          AluOp.MUL, AluOp.END})


def adjust_scalar_min_max_vals(
    op: AluOp, dst: Scalar, src: Scalar, is64: bool, *, imm: int = 0, to_be: bool = False
) -> Scalar:  # adjust_scalar_min_max_vals
    if not is_safe_to_compute_dst_reg_range(op, src, is64):
        return SCALAR_UNKNOWN
    if op in _CONST_FOLD and _is_exact_const(dst) and _is_exact_const(src):
        # Fast path: on exact constants every step above collapses to the concrete result.
        return Scalar.const(_CONST_FOLD[op](dst.var_off.value, src.var_off.value, is64, imm, to_be))
    return _adjust_scalar_min_max_vals(op, dst, src, is64, imm=imm, to_be=to_be)


def _is_exact_const(s: Scalar) -> bool:
    v = s.var_off.value
    return s.var_off.mask == 0 and s.umin == v and s.umax == v and s.u32_min == s.u32_max


def _fold(f: Callable[[int, int, int], int]) -> Callable[[int, int, bool, int, bool], int]:
    """A concrete BPF ALU op on 64- or 32-bit operands (32-bit: low halves in, zero-extended)."""
    def run(x: int, y: int, is64: bool, imm: int, to_be: bool) -> int:
        if is64:
            return f(x, y, 64) & U64
        return f(x & U32, y & U32, 32) & U32
    return run


def _fold_end(x: int, y: int, is64: bool, imm: int, to_be: bool) -> int:
    if is64 or to_be:
        return _swab(x, imm // 8)
    return x & ((1 << imm) - 1)


def _sext(v: int, bits: int) -> int:
    return v - (1 << bits) if v >> (bits - 1) else v


_CONST_FOLD: dict[AluOp, Callable[[int, int, bool, int, bool], int]] = {
    AluOp.ADD: _fold(lambda x, y, w: x + y),
    AluOp.SUB: _fold(lambda x, y, w: x - y),
    AluOp.MUL: _fold(lambda x, y, w: x * y),
    AluOp.OR: _fold(lambda x, y, w: x | y),
    AluOp.AND: _fold(lambda x, y, w: x & y),
    AluOp.XOR: _fold(lambda x, y, w: x ^ y),
    AluOp.LSH: _fold(lambda x, y, w: x << y),
    AluOp.RSH: _fold(lambda x, y, w: x >> y),
    AluOp.ARSH: _fold(lambda x, y, w: _sext(x, w) >> y),
    AluOp.NEG: _fold(lambda x, y, w: -x),
    AluOp.END: _fold_end,
}


def _adjust_scalar_min_max_vals(
    op: AluOp, dst: Scalar, src: Scalar, is64: bool, *, imm: int = 0, to_be: bool = False
) -> Scalar:
    d = _Reg.of(dst)
    alu32 = not is64
    if op == AluOp.ADD:
        s = _Reg.of(src)
        _scalar32_min_max_add(d, s)
        _scalar_min_max_add(d, s)
        d.var_off = d.var_off.add(src.var_off)
    elif op == AluOp.SUB:
        s = _Reg.of(src)
        _scalar32_min_max_sub(d, s)
        _scalar_min_max_sub(d, s)
        d.var_off = d.var_off.sub(src.var_off)
    elif op == AluOp.NEG:
        fake = _Reg.of(dst)
        d.mark_known(0)
        _scalar32_min_max_sub(d, fake)
        _scalar_min_max_sub(d, fake)
        d.var_off = fake.var_off.neg()
    elif op == AluOp.MUL:
        s = _Reg.of(src)
        d.var_off = d.var_off.mul(src.var_off)
        _scalar32_min_max_mul(d, s)
        _scalar_min_max_mul(d, s)
    elif op == AluOp.AND:
        s = _Reg.of(src)
        d.var_off = d.var_off.and_(src.var_off)
        _scalar32_min_max_and(d, s)
        _scalar_min_max_and(d, s)
    elif op == AluOp.OR:
        s = _Reg.of(src)
        d.var_off = d.var_off.or_(src.var_off)
        _scalar32_min_max_or(d, s)
        _scalar_min_max_or(d, s)
    elif op == AluOp.XOR:
        s = _Reg.of(src)
        d.var_off = d.var_off.xor(src.var_off)
        _scalar32_min_max_xor(d, s)
        _scalar_min_max_xor(d, s)
    elif op == AluOp.LSH:
        s = _Reg.of(src)
        if alu32:
            _scalar32_min_max_lsh(d, s)
        else:
            _scalar_min_max_lsh(d, s)
    elif op == AluOp.RSH:
        s = _Reg.of(src)
        if alu32:
            _scalar32_min_max_rsh(d, s)
        else:
            _scalar_min_max_rsh(d, s)
    elif op == AluOp.ARSH:
        s = _Reg.of(src)
        if alu32:
            _scalar32_min_max_arsh(d, s)
        else:
            _scalar_min_max_arsh(d, s)
    elif op == AluOp.END:
        _scalar_byte_swap(d, imm, is64, to_be)
        alu32 = False  # le64/be64 keep all 64 bits; the 16/32-bit forms were truncated above
    # ALU32 ops are zero extended into 64bit register.
    if alu32:
        d.zext_32_to_64()
    d.reg_bounds_sync()
    return d.freeze()



def maybe_fork_scalars(op: AluOp, dst: Scalar, src: Scalar) -> tuple[Scalar, Scalar] | None:  # maybe_fork_scalars
    """`dst &= K` / `dst |= K` (any width; src a 64-bit constant) on a dst in [-1, 0] (64-bit, or
    else s32) splits the state: the kernel pushes a branch that re-executes this same
    instruction (log: `from N to N:`) with dst = 0, and carries on with dst = -1. Returns
    (dst for this path, dst for the pushed branch), or None when there is no fork. Both are the
    value *before* the ALU op: apply `alu` to each. The 64-bit case is __mark_reg_known (ids
    cleared); the s32 case is __mark_reg32_known (the 64-bit bounds are left as they were)."""
    if op not in (AluOp.AND, AluOp.OR) or src.var_off.mask != 0:
        return None
    if dst.smin == -1 and dst.smax == 0:
        return Scalar.const(-1), Scalar.const(0)
    if dst.s32_min == -1 and dst.s32_max == 0:
        return mark_reg32_known(dst, -1), mark_reg32_known(dst, 0)
    return None


def alu(op: AluOp, dst: Scalar, src: Scalar, is64: bool, off: int = 0, *, imm: int = 0,
        to_be: bool = False) -> Scalar:
    """The scalar result of `dst op= src` (adjust_scalar_min_max_vals, plus the scalar cases of
    check_alu_op for MOV).

    `src` is the source register's value, or for BPF_K the immediate as the kernel's fake register
    holds it: `Scalar.const(imm)` with imm sign-extended from s32 (for MOV K 32-bit, the value is
    truncated to u32 here). `off` is the instruction's off: movsx width 8/16/32 for MOV; for
    DIV/MOD (sdiv/smod when 1) the result is unknown either way. NEG ignores `src`. END uses
    `imm` (16/32/64), `is64` (ALU64 = unconditional bswap) and `to_be` (BPF_TO_BE) and ignores
    `src`.

    AND/OR first check `maybe_fork_scalars`: the explorer forks there and calls `alu` on each
    half; called directly, `alu` computes the unforked result.
    """
    if op == AluOp.MOV:
        return mov(dst, src, is64, off)
    return adjust_scalar_min_max_vals(op, dst, src, is64, imm=imm, to_be=to_be)


def mov(dst: Scalar, src: Scalar, is64: bool, off: int = 0, subreg_bounds: bool = True) -> Scalar:  # BPF_MOV
    """Scalar result of a MOV: 64-bit copy, movsx (off 8/16/32), 32-bit copy (zero-extended) or
    32-bit movsx (off 8/16). For MOV K pass src = Scalar.const(imm). `subreg_bounds`: the
    movsx rule of profile 6.18 (False: 6.18-orig; see coerce_reg_to_size_sx)."""
    if is64:
        if off == 0:
            return src
        return coerce_reg_to_size_sx(src, off >> 3, subreg_bounds)
    if off == 0 and _is_exact_const(src):
        return Scalar.const(src.var_off.value & U32)
    r = _Reg.of(src)
    if off:
        r.coerce_subreg_to_size_sx(off >> 3)
    r.zext_32_to_64()
    r.reg_bounds_sync()
    return r.freeze()


# ---------------------------------------------------------------------------------------------
# Conditional jumps: is_scalar_branch_taken, regs_refine_cond_op, reg_set_min_max
# ---------------------------------------------------------------------------------------------

_FLIP = {JmpOp.JGT: JmpOp.JLT, JmpOp.JLT: JmpOp.JGT, JmpOp.JGE: JmpOp.JLE, JmpOp.JLE: JmpOp.JGE,
         JmpOp.JSGT: JmpOp.JSLT, JmpOp.JSLT: JmpOp.JSGT, JmpOp.JSGE: JmpOp.JSLE,
         JmpOp.JSLE: JmpOp.JSGE}

_REV = {JmpOp.JEQ: JmpOp.JNE, JmpOp.JNE: JmpOp.JEQ, JmpOp.JSET: JSET_NOT, JSET_NOT: JmpOp.JSET,
        JmpOp.JGE: JmpOp.JLT, JmpOp.JGT: JmpOp.JLE, JmpOp.JLE: JmpOp.JGT, JmpOp.JLT: JmpOp.JGE,
        JmpOp.JSGE: JmpOp.JSLT, JmpOp.JSGT: JmpOp.JSLE, JmpOp.JSLE: JmpOp.JSGT,
        JmpOp.JSLT: JmpOp.JSGE}


def flip_opcode(op: int) -> int:  # flip_opcode: the op with operands swapped
    return _FLIP.get(op, op)  # type: ignore[call-overload]


def rev_opcode(op: int) -> int:  # rev_opcode: the negated condition
    return _REV[op]  # type: ignore[index]


def is_scalar_branch_taken(op: int, r1: Scalar, r2: Scalar, is32: bool,
                           same_reg: bool = False) -> int:  # is_scalar_branch_taken
    if is32:
        t1, t2 = r1.var_off.subreg(), r2.var_off.subreg()
        umin1, umax1, smin1, smax1 = r1.u32_min, r1.u32_max, r1.s32_min, r1.s32_max
        umin2, umax2, smin2, smax2 = r2.u32_min, r2.u32_max, r2.s32_min, r2.s32_max
    else:
        t1, t2 = r1.var_off, r2.var_off
        umin1, umax1, smin1, smax1 = r1.umin, r1.umax, r1.smin, r1.smax
        umin2, umax2, smin2, smax2 = r2.umin, r2.umax, r2.smin, r2.smax

    if same_reg and SAME_REG_BRANCH_TAKEN:
        if op in (JmpOp.JGE, JmpOp.JLE, JmpOp.JSGE, JmpOp.JSLE, JmpOp.JEQ):
            return 1
        if op in (JmpOp.JGT, JmpOp.JLT, JmpOp.JSGT, JmpOp.JSLT, JmpOp.JNE):
            return 0
        if op == JmpOp.JSET:
            if t1.mask == 0:
                return int(t1.value != 0)
            return -1 if (smin1 <= 0 and smax1 >= 0) else 1
        return -1

    if op == JmpOp.JEQ or op == JmpOp.JNE:
        eq = op == JmpOp.JEQ
        # constants: umin/umax and smin/smax checks would be redundant
        if t1.mask == 0 and t2.mask == 0:
            return int((t1.value == t2.value) == eq)
        if TNUM_OVERLAP_JEQ and not t1.overlap(t2):
            return 0 if eq else 1
        # non-overlapping ranges
        if umin1 > umax2 or umax1 < umin2 or smin1 > smax2 or smax1 < smin2:
            return 0 if eq else 1
        # 64-bit ranges inconclusive: 32-bit subranges may still rule equality out
        if not is32 and (r1.u32_min > r2.u32_max or r1.u32_max < r2.u32_min
                         or r1.s32_min > r2.s32_max or r1.s32_max < r2.s32_min):
            return 0 if eq else 1
        return -1
    if op == JmpOp.JSET:
        if not is_reg_const(r2, is32):
            r1, r2 = r2, r1
            t1, t2 = t2, t1
        if not is_reg_const(r2, is32):
            return -1
        if (~t1.mask & t1.value) & t2.value:
            return 1
        if not ((t1.mask | t1.value) & t2.value):
            return 0
        return -1
    if op == JmpOp.JGT:
        if umin1 > umax2:
            return 1
        if umax1 <= umin2:
            return 0
    elif op == JmpOp.JSGT:
        if smin1 > smax2:
            return 1
        if smax1 <= smin2:
            return 0
    elif op == JmpOp.JLT:
        if umax1 < umin2:
            return 1
        if umin1 >= umax2:
            return 0
    elif op == JmpOp.JSLT:
        if smax1 < smin2:
            return 1
        if smin1 >= smax2:
            return 0
    elif op == JmpOp.JGE:
        if umin1 >= umax2:
            return 1
        if umax1 < umin2:
            return 0
    elif op == JmpOp.JSGE:
        if smin1 >= smax2:
            return 1
        if smax1 < smin2:
            return 0
    elif op == JmpOp.JLE:
        if umax1 <= umin2:
            return 1
        if umin1 > umax2:
            return 0
    elif op == JmpOp.JSLE:
        if smax1 <= smin2:
            return 1
        if smin1 > smax2:
            return 0
    return -1




def regs_refine_cond_op(r1: _Reg, r2: _Reg, op: int, is32: bool) -> None:  # regs_refine_cond_op
    # GE/GT/SGE/SGT reuse the LE/LT/SLE/SLT logic with the operands swapped.
    if op in (JmpOp.JGE, JmpOp.JGT, JmpOp.JSGE, JmpOp.JSGT):
        op = _FLIP[op]  # type: ignore[index]
        r1, r2 = r2, r1

    if op == JmpOp.JEQ:
        if is32:
            r1.u32_min = max(r1.u32_min, r2.u32_min)
            r1.u32_max = min(r1.u32_max, r2.u32_max)
            r1.s32_min = max(r1.s32_min, r2.s32_min)
            r1.s32_max = min(r1.s32_max, r2.s32_max)
            r2.u32_min, r2.u32_max = r1.u32_min, r1.u32_max
            r2.s32_min, r2.s32_max = r1.s32_min, r1.s32_max
            t = r1.var_off.subreg().intersect(r2.var_off.subreg())
            r1.var_off = r1.var_off.with_subreg(t)
            r2.var_off = r2.var_off.with_subreg(t)
        else:
            r1.umin = max(r1.umin, r2.umin)
            r1.umax = min(r1.umax, r2.umax)
            r1.smin = max(r1.smin, r2.smin)
            r1.smax = min(r1.smax, r2.smax)
            r2.umin, r2.umax, r2.smin, r2.smax = r1.umin, r1.umax, r1.smin, r1.smax
            r1.var_off = r1.var_off.intersect(r2.var_off)
            r2.var_off = r1.var_off
    elif op == JmpOp.JNE:
        if not _reg_is_const(r2, is32):
            r1, r2 = r2, r1
        if not _reg_is_const(r2, is32):
            return
        # try to recompute the bound of reg1 if reg2 is a const and is exactly its edge
        val = r2.var_off.value
        if is32:
            if r1.u32_min == val & U32:
                r1.u32_min = (r1.u32_min + 1) & U32
            if r1.u32_max == val & U32:
                r1.u32_max = (r1.u32_max - 1) & U32
            if r1.s32_min == s32(val):
                r1.s32_min = s32(r1.s32_min + 1)
            if r1.s32_max == s32(val):
                r1.s32_max = s32(r1.s32_max - 1)
        else:
            if r1.umin == val:
                r1.umin = (r1.umin + 1) & U64
            if r1.umax == val:
                r1.umax = (r1.umax - 1) & U64
            if r1.smin == s64(val):
                r1.smin = s64(r1.smin + 1)
            if r1.smax == s64(val):
                r1.smax = s64(r1.smax - 1)
    elif op == JmpOp.JSET:
        if not _reg_is_const(r2, is32):
            r1, r2 = r2, r1
        if not _reg_is_const(r2, is32):
            return
        val = r2.var_off.value & (U32 if is32 else U64)
        # `r1 & val` true teaches something definite only for a single-bit val.
        if val == 0 or val & (val - 1):
            return
        if is32:
            t = r1.var_off.subreg().or_(Tnum(val, 0))
            r1.var_off = r1.var_off.with_subreg(t)
        else:
            r1.var_off = r1.var_off.or_(Tnum(val, 0))
    elif op == JSET_NOT:
        if not _reg_is_const(r2, is32):
            r1, r2 = r2, r1
        if not _reg_is_const(r2, is32):
            return
        val = r2.var_off.value & (U32 if is32 else U64)
        # Forget the ranges before narrowing the tnum, to avoid invariant violations on a dead
        # branch.
        if JSET_NOT_FORGETS_RANGES:
            r1.mark_unbounded()
        if is32:
            t = r1.var_off.subreg().and_(Tnum(~val & U32, 0))
            r1.var_off = r1.var_off.with_subreg(t)
        else:
            r1.var_off = r1.var_off.and_(Tnum(~val & U64, 0))
    elif op == JmpOp.JLE:
        if is32:
            r1.u32_max = min(r1.u32_max, r2.u32_max)
            r2.u32_min = max(r1.u32_min, r2.u32_min)
        else:
            r1.umax = min(r1.umax, r2.umax)
            r2.umin = max(r1.umin, r2.umin)
    elif op == JmpOp.JLT:
        if is32:
            r1.u32_max = min(r1.u32_max, (r2.u32_max - 1) & U32)
            r2.u32_min = max((r1.u32_min + 1) & U32, r2.u32_min)
        else:
            r1.umax = min(r1.umax, (r2.umax - 1) & U64)
            r2.umin = max((r1.umin + 1) & U64, r2.umin)
    elif op == JmpOp.JSLE:
        if is32:
            r1.s32_max = min(r1.s32_max, r2.s32_max)
            r2.s32_min = max(r1.s32_min, r2.s32_min)
        else:
            r1.smax = min(r1.smax, r2.smax)
            r2.smin = max(r1.smin, r2.smin)
    elif op == JmpOp.JSLT:
        if is32:
            r1.s32_max = min(r1.s32_max, s32(r2.s32_max - 1))
            r2.s32_min = max(s32(r1.s32_min + 1), r2.s32_min)
        else:
            r1.smax = min(r1.smax, s64(r2.smax - 1))
            r2.smin = max(s64(r1.smin + 1), r2.smin)




def _reg_is_const(r: _Reg, is32: bool) -> bool:  # is_reg_const
    return not (r.var_off.mask & U32) if is32 else r.var_off.mask == 0


def _refine_edge(op: int, a: Scalar, b: Scalar, is32: bool, same_reg: bool = False) -> tuple[_Reg, _Reg]:
    r1 = _Reg.of(a)
    r2 = r1 if same_reg else _Reg.of(b)  # `if r1 op r1`: one register, refined through both names
    regs_refine_cond_op(r1, r2, op, is32)
    r1.reg_bounds_sync()
    r2.reg_bounds_sync()
    return r1, r2


def simulate_both_branches_taken(op: int, a: Scalar, b: Scalar, is32: bool) -> int:
    """Newer kernels' simulate_both_branches_taken (not in 6.18; `SIMULATE_BRANCHES` off): an
    edge whose refined bounds come out ill-formed is dead."""
    f1, f2 = _refine_edge(rev_opcode(op), a, b, is32)
    if f1.range_bounds_violation() or f2.range_bounds_violation():
        return 1
    t1, t2 = _refine_edge(op, a, b, is32)
    if t1.range_bounds_violation() or t2.range_bounds_violation():
        return 0
    return -1




def is_branch_taken(op: JmpOp, a: Scalar, b: Scalar, is32: bool, same_reg: bool = False) -> int:
    """is_branch_taken for two scalars: 1 always taken, 0 never, -1 unknown. `same_reg` when
    both operands are the same register (`if r1 > r1`)."""
    pred = is_scalar_branch_taken(op, a, b, is32, same_reg)
    if pred >= 0 or same_reg or not SIMULATE_BRANCHES:
        return pred
    return simulate_both_branches_taken(op, a, b, is32)


REG_INVARIANTS_VIOLATION = (
    "verifier bug: REG INVARIANTS VIOLATION ({ctx}): {msg} u64=[{umin:#x}, {umax:#x}] "
    "s64=[{smin:#x}, {smax:#x}] u32=[{u32_min:#x}, {u32_max:#x}] s32=[{s32_min:#x}, {s32_max:#x}] "
    "var_off=({value:#x}, {mask:#x})"
)


def reg_bounds_sanity_check(s: Scalar, ctx: str) -> tuple[Scalar, str | None]:  # reg_bounds_sanity_check
    """(register, None) if sane; otherwise the kernel logs a verifier bug and, outside its
    selftests, carries on with the register's bounds forgotten (var_off kept, not re-synced)."""
    msg = s.sanity_error()
    if msg is None:
        return s, None
    line = REG_INVARIANTS_VIOLATION.format(
        ctx=ctx, msg=msg, umin=s.umin, umax=s.umax, smin=s.smin & U64, smax=s.smax & U64,
        u32_min=s.u32_min, u32_max=s.u32_max, s32_min=s.s32_min & U32, s32_max=s.s32_max & U32,
        value=s.var_off.value, mask=s.var_off.mask)
    return mark_reg_unbounded(s), line


@dataclass(frozen=True, slots=True)
class CondRefinement:
    """reg_set_min_max's outcome: (reg1, reg2) on the jump (true) edge and on the fall-through
    (false) edge, plus the `verifier bug: REG INVARIANTS VIOLATION ...` lines it logged (in the
    kernel's order: true_reg1, true_reg2, false_reg1, false_reg2)."""

    taken: tuple[Scalar, Scalar]
    fall: tuple[Scalar, Scalar]
    log: tuple[str, ...] = ()


def refine_cond(op: JmpOp, a: Scalar, b: Scalar, is32: bool, same_reg: bool = False) -> CondRefinement:  # reg_set_min_max
    """Both edges of `if a op b` that is_branch_taken left open: regs_refine_cond_op with the op
    (true edge) and with rev_opcode (false edge), reg_bounds_sync, then reg_bounds_sanity_check
    on the four registers. For BPF_K, b is the immediate's fake register (sign-extended)."""
    f1, f2 = _refine_edge(rev_opcode(op), a, b, is32, same_reg)
    t1, t2 = _refine_edge(op, a, b, is32, same_reg)
    log: list[str] = []

    def check(r: Scalar, ctx: str) -> Scalar:
        checked, line = reg_bounds_sanity_check(r, ctx)
        if line:
            log.append(line)
        return checked

    tr1 = check(t1.freeze(), "true_reg1")
    tr2 = check(tr1 if same_reg else t2.freeze(), "true_reg2")
    fr1 = check(f1.freeze(), "false_reg1")
    fr2 = check(fr1 if same_reg else f2.freeze(), "false_reg2")
    if same_reg:  # both names are one register: it ends as the last check left it
        tr1, fr1 = tr2, fr2
    return CondRefinement((tr1, tr2), (fr1, fr2), tuple(log))


def reg_set_min_max(
    op: JmpOp, a: Scalar, b: Scalar, is32: bool, same_reg: bool = False
) -> tuple[tuple[Scalar, Scalar] | None, tuple[Scalar, Scalar] | None]:
    """Refined (a, b) on the taken edge and on the fall-through edge (see `refine_cond`).

    6.18 never prunes an edge here: an edge whose refinement is ill-formed is still explored,
    with the offending register's bounds forgotten and a `verifier bug` line in the log (use
    `refine_cond` to get those lines). So neither element is None in 6.18; the Optional type is
    kept for callers written against "None = infeasible edge"."""
    r = refine_cond(op, a, b, is32, same_reg)
    return r.taken, r.fall


# ---------------------------------------------------------------------------------------------
# Printing (kernel/bpf/log.c)
# ---------------------------------------------------------------------------------------------


def is_unum_decimal(num: int) -> bool:  # is_unum_decimal
    return num <= 0xFFFF


def is_snum_decimal(num: int) -> bool:  # is_snum_decimal
    return -0x8000 <= num <= 0x7FFF


def unum(num: int) -> str:  # verbose_unum
    num &= U64
    return f"{num}" if is_unum_decimal(num) else f"{num:#x}"


def snum(num: int) -> str:  # verbose_snum
    sv = s64(num)
    return f"{sv}" if is_snum_decimal(sv) else f"{num & U64:#x}"


_RANGE_NAMES = ("smin", "smax", "umin", "umax", "smin32", "smax32", "umin32", "umax32")
_SIGNED = (True, True, False, False, True, True, False, False)


def print_scalar_ranges(s: Scalar) -> list[str]:  # print_scalar_ranges
    """The `name=...` items: equal minima (and equal maxima) share one value, `smin=umin=0`,
    never mixing negative and non-negative signed values; a bound at its type's limit is
    omitted. s32 values print sign-extended when decimal, as u32 when hex."""
    vals = [
        s.smin & U64, s.smax & U64, s.umin, s.umax,
        (s.s32_min if is_snum_decimal(s.s32_min) else s.s32_min & U32) & U64,
        (s.s32_max if is_snum_decimal(s.s32_max) else s.s32_max & U32) & U64,
        s.u32_min, s.u32_max,
    ]
    omit = [
        s.smin == S64_MIN, s.smax == S64_MAX, s.umin == 0, s.umax == U64,
        s.s32_min == S32_MIN, s.s32_max == S32_MAX, s.u32_min == 0, s.u32_max == U32,
    ]
    out: list[str] = []
    for i in range(8):
        if omit[i]:
            continue
        val = vals[i]
        neg1 = _SIGNED[i] and val >> 63 == 1
        text = _RANGE_NAMES[i] + "="
        for j in range(i + 2, 8, 2):
            if omit[j] or vals[j] != val:
                continue
            if (_SIGNED[j] and vals[j] >> 63 == 1) != neg1:  # don't mix negatives with positives
                continue
            omit[j] = True
            text += _RANGE_NAMES[j] + "="
        out.append(text + (snum(val) if _SIGNED[i] else unum(val)))
    return out


def scalar_str(s: Scalar, *, id: int = 0, precise: bool = False, add_const_off: int | None = None) -> str:
    """A scalar register as print_reg_state prints it: `P` if precise, then the constant as a
    signed number, or `scalar(id=N,...bounds...,var_off=(v; m))`; `add_const_off` is the
    BPF_ADD_CONST delta of a linked scalar (`id=N+4`)."""
    p = "P" if precise else ""
    if s.var_off.mask == 0:
        return p + snum(s.var_off.value)
    parts: list[str] = []
    if id:
        idtext = f"id={id}"
        if add_const_off is not None:
            idtext += f"{add_const_off:+d}"
        parts.append(idtext)
    body = s.fmt()
    if body:
        parts.append(body)
    return f"{p}scalar({','.join(parts)})"
