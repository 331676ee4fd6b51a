"""Writer for raw BTF blobs: what BPF_BTF_LOAD takes (the oracle's func_info BTF) and what the
reader reads back. Types get consecutive ids from 1 in the order they are added."""
from __future__ import annotations

import struct
from collections.abc import Sequence
from dataclasses import replace

from .reader import BTF_MAGIC, BTF_VERSION
from .types import SIZED_KINDS, BtfType, IntEncoding, IntInfo, Kind, Linkage, Member, Param

_HDR_LEN = 24


class BtfBuilder:
    def __init__(self) -> None:
        self._types = bytearray()
        self._strings = bytearray(b"\0")
        self._string_offs: dict[str, int] = {"": 0}
        self._next_id = 1

    def string(self, s: str) -> int:
        """Offset of `s` in the string section, adding it once."""
        off = self._string_offs.get(s)
        if off is None:
            off = self._string_offs[s] = len(self._strings)
            self._strings += s.encode() + b"\0"
        return off

    def add(self, t: BtfType) -> int:
        """Append a type record (its `id` is ignored); return the id it gets here."""
        e = "<"
        vlen = t.vlen
        kflag = t.kflag
        tail = b""
        size_or_type = t.size if t.kind in SIZED_KINDS else t.type
        match t.kind:
            case Kind.INT:
                ii = t.int_info or IntInfo(0, 0, t.size * 8)
                tail = struct.pack(e + "I", (ii.encoding << 24) | (ii.offset << 16) | ii.bits)
            case Kind.ARRAY:
                assert t.array is not None
                tail = struct.pack(e + "III", t.array.type, t.array.index_type, t.array.nelems)
            case Kind.STRUCT | Kind.UNION:
                vlen = len(t.members)
                kflag = kflag or any(m.bitfield_size for m in t.members)
                for m in t.members:
                    off = (m.bitfield_size << 24) | m.bit_offset if kflag else m.bit_offset
                    tail += struct.pack(e + "III", self.string(m.name), m.type, off)
            case Kind.ENUM:
                vlen = len(t.values)
                for v in t.values:
                    tail += struct.pack(e + "II", self.string(v.name), v.value & 0xFFFFFFFF)
            case Kind.ENUM64:
                vlen = len(t.values)
                for v in t.values:
                    u = v.value & 0xFFFFFFFFFFFFFFFF
                    tail += struct.pack(e + "III", self.string(v.name), u & 0xFFFFFFFF, u >> 32)
            case Kind.FUNC_PROTO:
                vlen = len(t.params)
                for p in t.params:
                    tail += struct.pack(e + "II", self.string(p.name), p.type)
            case Kind.VAR:
                tail = struct.pack(e + "I", t.linkage)
            case Kind.DATASEC:
                vlen = len(t.secinfo)
                for s in t.secinfo:
                    tail += struct.pack(e + "III", s.type, s.offset, s.size)
            case Kind.DECL_TAG:
                tail = struct.pack(e + "i", t.component_idx)
            case Kind.FUNC:
                vlen = t.linkage
            case _:
                pass
        info = (int(kflag) << 31) | (int(t.kind) << 24) | (vlen & 0xFFFF)
        self._types += struct.pack(e + "III", self.string(t.name), info, size_or_type) + tail
        tid = self._next_id
        self._next_id += 1
        return tid

    # --- conveniences for the common kinds ----------------------------------------------
    def add_int(self, name: str, size: int, *, signed: bool = True) -> int:
        enc = IntEncoding.SIGNED if signed else IntEncoding.NONE
        return self.add(BtfType(0, Kind.INT, name, size=size, int_info=IntInfo(enc, 0, size * 8)))

    def add_ptr(self, target: int) -> int:
        return self.add(BtfType(0, Kind.PTR, type=target))

    def add_struct(self, name: str, size: int, members: Sequence[Member] = ()) -> int:
        return self.add(BtfType(0, Kind.STRUCT, name, size=size, members=tuple(members)))

    def add_func_proto(self, ret: int, params: Sequence[Param] = ()) -> int:
        return self.add(BtfType(0, Kind.FUNC_PROTO, type=ret, params=tuple(params)))

    def add_func(self, name: str, proto: int, linkage: Linkage = Linkage.STATIC) -> int:
        return self.add(BtfType(0, Kind.FUNC, name, type=proto, linkage=linkage))

    def add_copy(self, t: BtfType, remap: dict[int, int]) -> int:
        """Add `t` with every type id it refers to renumbered through `remap` (0 stays 0)."""
        def r(tid: int) -> int:
            return remap[tid] if tid else 0

        t = replace(
            t,
            type=r(t.type) if t.kind not in SIZED_KINDS else 0,
            members=tuple(replace(m, type=r(m.type)) for m in t.members),
            params=tuple(replace(p, type=r(p.type)) for p in t.params),
            secinfo=tuple(replace(s, type=r(s.type)) for s in t.secinfo),
            array=(replace(t.array, type=r(t.array.type), index_type=r(t.array.index_type))
                   if t.array else None),
        )
        return self.add(t)

    def to_bytes(self) -> bytes:
        """The blob: `struct btf_header`, type section, string section."""
        hdr = struct.pack(
            "<HBBIIIII", BTF_MAGIC, BTF_VERSION, 0, _HDR_LEN, 0, len(self._types),
            len(self._types), len(self._strings),
        )
        return hdr + bytes(self._types) + bytes(self._strings)

