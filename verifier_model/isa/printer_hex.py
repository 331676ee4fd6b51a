"""Instructions as hex bytes, one instruction per line (an ld_imm64's 16 bytes on one line).

`b7 00 00 00 01 00 00 00` is struct bpf_insn as the kernel receives it (little endian), the
form `bpftool prog dump xlated opcodes` and `llvm-objdump -d` print; `xxd -r -p` turns the
output back into a .bin file.
"""
from __future__ import annotations

from ..program import Program
from .codec import encode_insn
from .insn import Imm64Tail, Insn


def format_insn(insn: Insn, pc: int = 0) -> str:
    """`b7 00 00 00 01 00 00 00` (16 bytes for an ld_imm64). `pc` is unused (printer symmetry)."""
    del pc
    if isinstance(insn, Imm64Tail):
        raise TypeError("the second slot of an ld_imm64 is printed with its first")
    return encode_insn(insn).hex(" ")


def format_program(program: Program) -> str:
    """One line per instruction; ld_imm64 tails are part of their instruction's line."""
    lines = [format_insn(insn, idx) for idx, insn in program.instructions()]
    return "\n".join(lines) + ("\n" if lines else "")
