"""Instruction values: one immutable type per instruction class, raw fields kept.

A program is a tuple of *slots* indexed exactly as the kernel indexes `insnsi`: a 16-byte
`ld_imm64` takes two slots, the second of which is an `Imm64Tail`. Every instruction keeps its
raw `code`, `dst`, `src`, `off`, `imm` so that encoding is lossless; the properties are views.
`sym` carries the symbolic name the input used (kfunc or helper name, map name, call label);
it takes part in equality so parse(print(x)) == x can be checked on names too.
"""
from __future__ import annotations

from dataclasses import dataclass

from .opcodes import (
    PSEUDO_CALL,
    PSEUDO_KFUNC_CALL,
    SIZE_BYTES,
    AluOp,
    AtomicOp,
    Cls,
    JmpOp,
    Mode,
    Size,
    Src,
)


@dataclass(frozen=True, slots=True)
class Insn:
    code: int
    dst: int = 0
    src: int = 0
    off: int = 0  # signed 16-bit
    imm: int = 0  # signed 32-bit
    sym: str | None = None

    @property
    def cls(self) -> Cls:
        return Cls(self.code & 0x07)

    @property
    def slots(self) -> int:
        return 1


@dataclass(frozen=True, slots=True)
class Alu(Insn):
    """BPF_ALU / BPF_ALU64. `off` selects sdiv/smod (1) or movsx width (8/16/32)."""

    @property
    def is64(self) -> bool:
        return self.cls == Cls.ALU64

    @property
    def op(self) -> AluOp:
        return AluOp(self.code & 0xF0)

    @property
    def source(self) -> Src:
        return Src(self.code & 0x08)

    @property
    def signed(self) -> bool:
        """sdiv / smod (cpu v4): off == 1 on DIV/MOD."""
        return self.op in (AluOp.DIV, AluOp.MOD) and self.off == 1

    @property
    def movsx_bits(self) -> int:
        """Sign-extending mov width (8/16/32), 0 for a plain mov."""
        return self.off if self.op == AluOp.MOV else 0


@dataclass(frozen=True, slots=True)
class Jmp(Insn):
    """BPF_JMP / BPF_JMP32: conditional and unconditional jumps, calls, exit."""

    @property
    def is32(self) -> bool:
        return self.cls == Cls.JMP32

    @property
    def op(self) -> JmpOp:
        return JmpOp(self.code & 0xF0)

    @property
    def source(self) -> Src:
        return Src(self.code & 0x08)

    @property
    def is_call(self) -> bool:
        return self.op == JmpOp.CALL

    @property
    def is_exit(self) -> bool:
        return self.op == JmpOp.EXIT

    @property
    def is_kfunc_call(self) -> bool:
        return self.is_call and self.src == PSEUDO_KFUNC_CALL

    @property
    def is_pseudo_call(self) -> bool:
        return self.is_call and self.src == PSEUDO_CALL

    @property
    def is_helper_call(self) -> bool:
        return self.is_call and self.src == 0 and self.source == Src.K

    @property
    def is_gotol(self) -> bool:
        return self.op == JmpOp.JA and self.cls == Cls.JMP32

    @property
    def is_cond(self) -> bool:
        return self.op not in (JmpOp.JA, JmpOp.CALL, JmpOp.EXIT)

    def target(self, pc: int) -> int:
        """Jump destination of the jump at slot `pc` (gotol uses imm)."""
        return pc + 1 + (self.imm if self.is_gotol else self.off)


@dataclass(frozen=True, slots=True)
class LoadImm64(Insn):
    """BPF_LD | BPF_IMM | BPF_DW, two slots. `imm_hi` is the second slot's imm."""

    imm_hi: int = 0

    @property
    def slots(self) -> int:
        """2 for the real ld_imm64 (code 0x18); any other BPF_LD|BPF_IMM code is one invalid slot,
        as the kernel reads it ("invalid BPF_LD_IMM insn")."""
        return 2 if self.code == 0x18 else 1

    @property
    def value(self) -> int:
        """The 64-bit constant, unsigned."""
        return ((self.imm_hi & 0xFFFFFFFF) << 32) | (self.imm & 0xFFFFFFFF)

    @property
    def pseudo(self) -> int:
        return self.src


@dataclass(frozen=True, slots=True)
class Imm64Tail(Insn):
    """Second slot of an ld_imm64 (code 0). Present only so indices match the kernel's."""


@dataclass(frozen=True, slots=True)
class LegacyLoad(Insn):
    """BPF_LD | BPF_ABS / BPF_IND (skb loads into r0)."""

    @property
    def mode(self) -> Mode:
        return Mode(self.code & 0xE0)

    @property
    def size(self) -> int:
        return SIZE_BYTES[Size(self.code & 0x18)]


@dataclass(frozen=True, slots=True)
class Load(Insn):
    """BPF_LDX | BPF_MEM / BPF_MEMSX: dst = *(size *)(src + off)."""

    @property
    def mode(self) -> Mode:
        return Mode(self.code & 0xE0)

    @property
    def size(self) -> int:
        return SIZE_BYTES[Size(self.code & 0x18)]

    @property
    def sign_extend(self) -> bool:
        return self.mode == Mode.MEMSX


@dataclass(frozen=True, slots=True)
class StoreImm(Insn):
    """BPF_ST | BPF_MEM: *(size *)(dst + off) = imm."""

    @property
    def mode(self) -> Mode:
        return Mode(self.code & 0xE0)

    @property
    def size(self) -> int:
        return SIZE_BYTES[Size(self.code & 0x18)]


@dataclass(frozen=True, slots=True)
class Store(Insn):
    """BPF_STX | BPF_MEM / BPF_ATOMIC: *(size *)(dst + off) = src, or an atomic op (imm)."""

    @property
    def mode(self) -> Mode:
        return Mode(self.code & 0xE0)

    @property
    def size(self) -> int:
        return SIZE_BYTES[Size(self.code & 0x18)]

    @property
    def is_atomic(self) -> bool:
        return self.mode == Mode.ATOMIC

    @property
    def atomic_op(self) -> int:
        return self.imm

    @property
    def fetches(self) -> bool:
        return self.is_atomic and bool(self.imm & AtomicOp.FETCH)


CLASS_TYPES: dict[Cls, type[Insn]] = {
    Cls.ALU: Alu,
    Cls.ALU64: Alu,
    Cls.JMP: Jmp,
    Cls.JMP32: Jmp,
    Cls.LDX: Load,
    Cls.ST: StoreImm,
    Cls.STX: Store,
}


def insn_type_for(code: int) -> type[Insn]:
    """The value type for an opcode byte (LD splits into ld_imm64 and legacy loads)."""
    cls = Cls(code & 0x07)
    if cls == Cls.LD:
        return LoadImm64 if (code & 0xE0) == Mode.IMM else LegacyLoad
    return CLASS_TYPES[cls]
