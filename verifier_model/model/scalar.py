"""Scalar abstract domain: tnum plus signed/unsigned 64- and 32-bit bounds (kernel/bpf/tnum.c,
the bounds code of kernel/bpf/verifier.c). INTERFACE SKELETON: being filled in.

All integers are Python ints. 64-bit unsigned fields lie in [0, 2**64), signed 64-bit fields in
[-2**63, 2**63); 32-bit likewise. Values are immutable; every operation returns a new value.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..isa.opcodes import AluOp, JmpOp

U64 = (1 << 64) - 1
U32 = (1 << 32) - 1


@dataclass(frozen=True, slots=True)
class Tnum:
    """Tristate number: bit i known iff mask bit i is 0, then its value is value bit i."""

    value: int
    mask: int

    @staticmethod
    def const(v: int) -> "Tnum":
        return Tnum(v & U64, 0)

    @staticmethod
    def unknown() -> "Tnum":
        return Tnum(0, U64)

    def is_const(self) -> bool:
        return self.mask == 0

    def contains(self, v: int) -> bool:
        return (v & ~self.mask & U64) == self.value


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
    def unknown() -> "Scalar":  # __mark_reg_unknown
        return Scalar(Tnum.unknown(), -(1 << 63), (1 << 63) - 1, 0, U64, -(1 << 31), (1 << 31) - 1, 0, U32)

    @staticmethod
    def const(v: int) -> "Scalar":  # __mark_reg_known
        u = v & U64
        s = u - (1 << 64) if u >> 63 else u
        u32 = u & U32
        s32 = u32 - (1 << 32) if u32 >> 31 else u32
        return Scalar(Tnum.const(u), s, s, u, u, s32, s32, u32, u32)

    def is_const(self) -> bool:
        return self.var_off.is_const()

    @property
    def value(self) -> int:
        """The unsigned 64-bit value of a constant."""
        return self.var_off.value

    def contains(self, v: int) -> bool:
        """Is the concrete 64-bit value v (any sign) a member of this abstract value?"""
        u = v & U64
        s = u - (1 << 64) if u >> 63 else u
        u32 = u & U32
        s32 = u32 - (1 << 32) if u32 >> 31 else u32
        return (
            self.var_off.contains(u)
            and self.smin <= s <= self.smax
            and self.umin <= u <= self.umax
            and self.s32_min <= s32 <= self.s32_max
            and self.u32_min <= u32 <= self.u32_max
        )


def alu(op: AluOp, dst: Scalar, src: Scalar, is64: bool, off: int = 0) -> Scalar:
    """adjust_scalar_min_max_vals (+ NEG, END via off/imm semantics, movsx via off)."""
    raise NotImplementedError


def is_branch_taken(op: JmpOp, a: Scalar, b: Scalar, is32: bool) -> int:
    """is_scalar_branch_taken: 1 always taken, 0 never, -1 unknown."""
    raise NotImplementedError


def reg_set_min_max(
    op: JmpOp, a: Scalar, b: Scalar, is32: bool
) -> tuple[tuple[Scalar, Scalar] | None, tuple[Scalar, Scalar] | None]:
    """Refined (a, b) on the taken edge and on the fall-through edge; None if infeasible."""
    raise NotImplementedError
