"""Frontends: every input format becomes Program values.

`load(path, prog_type=None)` sniffs the format from the file's first bytes, its extension and
its text:

- ELF objects (`\\x7fELF`)                    -> frontend.elf.load_elf
- `.bin`                                      -> raw struct bpf_insn[] (frontend.dumps.load_raw)
- `.s` / `.asm`                               -> LLVM-syntax assembly (frontend.asm.parse)
- `llvm-objdump -d -r` output (`file format elf64-bpf`), a kernel verifier log, `bpftool prog
  dump xlated` output                         -> frontend.dumps
- any other text                              -> assembly
"""
from __future__ import annotations

from pathlib import Path

from ..errors import InputError
from ..isa.opcodes import ProgType
from ..program import Program

ELF_MAGIC = b"\x7fELF"
ASM_SUFFIXES = (".s", ".asm", ".S")


def load(path: str | Path, prog_type: ProgType | None = None) -> list[Program]:
    """The programs in the file at `path`; InputError(file, line, col, msg) when it cannot be read."""
    p = Path(path)
    file = str(path)
    try:
        data = p.read_bytes()
    except OSError as e:
        raise InputError(file, 0, 0, f"cannot read: {e.strerror or e}") from None
    if data[:4] == ELF_MAGIC:
        try:
            from .elf import load_elf
        except ImportError:
            raise InputError(file, 0, 0, "ELF input not supported yet") from None
        return load_elf(file, data, prog_type)
    from . import dumps

    if p.suffix == ".bin":
        return dumps.load_raw(data, file, prog_type)
    try:
        text = data.decode()
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise InputError(file, line, 0, "not UTF-8 text, an ELF object or .bin bytecode") from None
    kind = None if p.suffix in ASM_SUFFIXES else dumps.sniff(text)
    if kind is not None or p.suffix == ".log":
        return dumps.load_text(text, file, prog_type, kind)
    from .asm import parse

    return parse(text, file, prog_type)


__all__ = ["load"]
