"""Frontends: every input format becomes Program values.

`load(path, prog_type=None)` sniffs the format: ELF objects, raw bytecode (.bin), kernel
verifier logs / `bpftool prog dump xlated` / `llvm-objdump -d` text, else LLVM-syntax assembly.
"""
from __future__ import annotations

import re
from pathlib import Path

from ..errors import InputError
from ..isa.codec import decode
from ..isa.opcodes import ProgType
from ..program import Program

_KERNEL_INSN = re.compile(r"^\s*\d+: \([0-9a-f]{2}\) ", re.M)


def load(path: str | Path, prog_type: ProgType | None = None) -> list[Program]:
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(str(path), 0, 0, f"cannot read: {e.strerror or e}") from None
    if data[:4] == b"\x7fELF":
        try:
            from .elf import load_elf
        except ImportError:
            raise InputError(str(path), 0, 0, "ELF input is not supported by this build") from None
        return load_elf(str(path), data, prog_type)
    if p.suffix == ".bin":
        return [Program(insns=decode(data, str(path)), prog_type=prog_type or ProgType.XDP, name=p.stem, file=str(path))]
    try:
        text = data.decode()
    except UnicodeDecodeError:
        raise InputError(str(path), 0, 0, "not a text file, ELF object or .bin bytecode") from None
    if "file format elf64-bpf" in text or _KERNEL_INSN.search(text):
        try:
            from . import dumps
        except ImportError:
            raise InputError(str(path), 0, 0, "verifier-log / objdump input is not supported by this build") from None
        return dumps.load_text(text, str(path), prog_type)
    from .asm import parse

    return parse(text, str(path), prog_type)
