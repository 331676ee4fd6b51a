"""struct bpf_insn <-> Insn values (8 bytes each, little endian; ld_imm64 takes 16)."""
from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence

from ..errors import InputError
from .insn import Imm64Tail, Insn, LoadImm64, insn_type_for
from .opcodes import Cls, Mode, Size

_INSN = struct.Struct("<BBhi")
_LD_IMM64 = Cls.LD | Mode.IMM | Size.DW


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def _s16(v: int) -> int:
    v &= 0xFFFF
    return v - 0x10000 if v & 0x8000 else v


def encode_slot(code: int, dst: int, src: int, off: int, imm: int) -> bytes:
    return _INSN.pack(code & 0xFF, ((src & 0xF) << 4) | (dst & 0xF), _s16(off), _s32(imm))


def encode(insns: Iterable[Insn]) -> bytes:
    """Encode a slot list. The second slot of an ld_imm64 is its Imm64Tail when one follows it
    (raw fields kept, so encode(decode(b)) == b), else a clean one from `imm_hi`; stray tails
    are ignored."""
    out = bytearray()
    pending_tail = -1  # where the synthesized tail of the last ld_imm64 sits in `out`
    for insn in insns:
        if isinstance(insn, Imm64Tail):
            if pending_tail >= 0:
                out[pending_tail:pending_tail + 8] = encode_slot(insn.code, insn.dst, insn.src, insn.off, insn.imm)
            pending_tail = -1
            continue
        pending_tail = -1
        out += encode_slot(insn.code, insn.dst, insn.src, insn.off, insn.imm)
        if isinstance(insn, LoadImm64) and insn.code == _LD_IMM64:
            pending_tail = len(out)
            out += encode_slot(0, 0, 0, 0, insn.imm_hi)
    return bytes(out)


def encode_insn(insn: Insn) -> bytes:
    return encode([insn])


def decode(data: bytes, file: str = "<bytes>") -> tuple[Insn, ...]:
    """Decode raw bytecode into the slot list. Raises InputError on malformed input."""
    if len(data) % 8:
        raise InputError(file, 0, 0, f"bytecode length {len(data)} is not a multiple of 8")
    slots: list[Insn] = []
    n = len(data) // 8
    i = 0
    while i < n:
        code, regs, off, imm = _INSN.unpack_from(data, i * 8)
        dst, src = regs & 0xF, regs >> 4
        typ = insn_type_for(code)
        if typ is LoadImm64:
            if code != (Cls.LD | Mode.IMM | Size.DW):
                # kernel: "invalid BPF_LD_IMM insn"; keep the raw value for the model to reject
                slots.append(LoadImm64(code, dst, src, off, imm, None, 0))
                i += 1
                continue
            if i + 1 >= n:
                raise InputError(file, 0, 0, f"ld_imm64 at insn {i} is missing its second half")
            c2, r2, o2, imm2 = _INSN.unpack_from(data, (i + 1) * 8)
            slots.append(LoadImm64(code, dst, src, off, imm, None, imm2))
            slots.append(Imm64Tail(c2, r2 & 0xF, r2 >> 4, o2, imm2))
            i += 2
            continue
        slots.append(typ(code, dst, src, off, imm))
        i += 1
    return tuple(slots)


def with_tails(insns: Sequence[Insn]) -> tuple[Insn, ...]:
    """Insert the Imm64Tail slot after every ld_imm64 that lacks one (a tail that directly
    follows its ld_imm64 is kept as it is; stray tails are dropped)."""
    out: list[Insn] = []
    n = len(insns)
    for k, insn in enumerate(insns):
        if isinstance(insn, Imm64Tail):
            continue
        out.append(insn)
        if isinstance(insn, LoadImm64) and insn.code == _LD_IMM64:
            nxt = insns[k + 1] if k + 1 < n else None
            out.append(nxt if isinstance(nxt, Imm64Tail) else Imm64Tail(0, 0, 0, 0, insn.imm_hi))
    return tuple(out)
