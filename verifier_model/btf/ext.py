"""Reader for `.BTF.ext`, the section of a BPF ELF object that maps instructions to BTF:
func_info (function start -> BTF FUNC), line_info (instruction -> C file, line, column, source
text) and CO-RE relocations (instruction -> field access to relocate).

Records are grouped by the ELF section they describe (`sec_name_off` names it); instruction
offsets are kept as the object stores them, in **bytes** from the start of that section
(libbpf divides by 8 when it loads them). Strings (section, file and source text, CO-RE access
strings) live in the object's `.BTF` string section, so reading needs that `Btf`.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass, field
from enum import IntEnum

from .reader import BTF_MAGIC, Btf, BtfError

_HDR = struct.Struct("<HBBIIIII")  # magic version flags hdr_len func_off func_len line_off line_len
_CORE = struct.Struct("<II")  # core_relo_off core_relo_len (when hdr_len allows)


class CoreReloKind(IntEnum):
    """enum bpf_core_relo_kind."""

    FIELD_BYTE_OFFSET = 0
    FIELD_BYTE_SIZE = 1
    FIELD_EXISTS = 2
    FIELD_SIGNED = 3
    FIELD_LSHIFT_U64 = 4
    FIELD_RSHIFT_U64 = 5
    TYPE_ID_LOCAL = 6
    TYPE_ID_TARGET = 7
    TYPE_EXISTS = 8
    TYPE_SIZE = 9
    ENUMVAL_EXISTS = 10
    ENUMVAL_VALUE = 11
    TYPE_MATCHES = 12


@dataclass(frozen=True, slots=True)
class FuncInfoRecord:
    insn_off: int  # bytes from the section start
    type_id: int  # a FUNC in the object's BTF


@dataclass(frozen=True, slots=True)
class LineInfoRecord:
    insn_off: int  # bytes from the section start
    file: str
    text: str  # the source line as clang stored it
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class CoreReloRecord:
    insn_off: int  # bytes from the section start
    type_id: int  # the root type in the object's BTF
    access: str  # "0:1:2": array index on the root, then member/array indices
    kind: int  # CoreReloKind


@dataclass
class BtfExt:
    """`.BTF.ext` by ELF section name."""

    func_info: dict[str, list[FuncInfoRecord]] = field(default_factory=dict)
    line_info: dict[str, list[LineInfoRecord]] = field(default_factory=dict)
    core_relos: dict[str, list[CoreReloRecord]] = field(default_factory=dict)

    @classmethod
    def from_bytes(cls, data: bytes, btf: Btf) -> BtfExt:
        """Parse a `.BTF.ext` section; BtfError when it is malformed."""
        data = bytes(data)
        if len(data) < _HDR.size:
            raise BtfError(f".BTF.ext too short ({len(data)} bytes)")
        magic, version, _flags, hdr_len, func_off, func_len, line_off, line_len = _HDR.unpack_from(data)
        if magic != BTF_MAGIC:
            raise BtfError(f"bad .BTF.ext magic 0x{magic:04x}")
        if version != 1:
            raise BtfError(f"unsupported .BTF.ext version {version}")
        if hdr_len < _HDR.size or hdr_len > len(data):
            raise BtfError(f"bad .BTF.ext header length {hdr_len}")
        core_off = core_len = 0
        if hdr_len >= _HDR.size + _CORE.size:
            core_off, core_len = _CORE.unpack_from(data, _HDR.size)
        ext = cls()
        body = data[hdr_len:]

        def func(rec: bytes, _: int) -> FuncInfoRecord:
            off, tid = struct.unpack_from("<II", rec)
            return FuncInfoRecord(off, tid)

        def line(rec: bytes, _: int) -> LineInfoRecord:
            off, file_off, line_off_, line_col = struct.unpack_from("<IIII", rec)
            return LineInfoRecord(off, btf.string(file_off), btf.string(line_off_), line_col >> 10,
                                  line_col & 0x3FF)

        def core(rec: bytes, _: int) -> CoreReloRecord:
            off, tid, access_off, kind = struct.unpack_from("<IIII", rec)
            return CoreReloRecord(off, tid, btf.string(access_off), kind)

        ext.func_info = _info_section(body, func_off, func_len, 8, btf, func, "func_info")
        ext.line_info = _info_section(body, line_off, line_len, 16, btf, line, "line_info")
        if core_len:
            ext.core_relos = _info_section(body, core_off, core_len, 16, btf, core, "core_relo")
        return ext


def _info_section(body: bytes, off: int, length: int, min_rec: int, btf: Btf, make, what: str) -> dict:
    """One info section: `u32 rec_size`, then per ELF section {sec_name_off, num_info, recs}."""
    out: dict[str, list] = {}
    if length == 0:
        return out
    if off + length > len(body) or length < 4:
        raise BtfError(f".BTF.ext {what} runs past the end of the section")
    (rec_size,) = struct.unpack_from("<I", body, off)
    if rec_size < min_rec:
        raise BtfError(f".BTF.ext {what} record size {rec_size} is below {min_rec}")
    pos, end = off + 4, off + length
    while pos < end:
        if pos + 8 > end:
            raise BtfError(f".BTF.ext {what} is truncated")
        name_off, num = struct.unpack_from("<II", body, pos)
        pos += 8
        if pos + num * rec_size > end:
            raise BtfError(f".BTF.ext {what} for section {btf.string(name_off)!r} is truncated")
        recs = out.setdefault(btf.string(name_off), [])
        for i in range(num):
            recs.append(make(body[pos : pos + rec_size], i))
            pos += rec_size
    return out


__all__ = ["BtfExt", "CoreReloKind", "CoreReloRecord", "FuncInfoRecord", "LineInfoRecord"]
