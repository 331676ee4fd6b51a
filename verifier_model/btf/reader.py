"""Reader for raw BTF: `struct btf_header`, the type section and the string section.

The same format is found in /sys/kernel/btf/vmlinux, in module BTF (split BTF on top of
vmlinux) and in the `.BTF` section of BPF ELF objects. Opening a blob only scans the type
section for record offsets (vmlinux: ~130k types in ~0.1 s); a type is decoded the first time
it is asked for, and the name index is built on the first lookup by name.
"""
from __future__ import annotations

import struct
from array import array
from collections.abc import Iterable, Iterator
from itertools import accumulate
from pathlib import Path

from .types import (
    VOID,
    ArrayInfo,
    BtfType,
    EnumValue,
    IntInfo,
    Kind,
    Member,
    Param,
    VarSecInfo,
)

BTF_MAGIC = 0xEB9F
BTF_VERSION = 1
MAX_RESOLVE_DEPTH = 32  # kernel/bpf/btf.c

# bytes after `struct btf_type`: fixed part, and per vlen entry (btf_type_size() in libbpf)
_EXTRA_FIXED = {Kind.INT: 4, Kind.ARRAY: 12, Kind.VAR: 4, Kind.DECL_TAG: 4}
_EXTRA_PER_VLEN = {
    Kind.STRUCT: 12,
    Kind.UNION: 12,
    Kind.ENUM: 8,
    Kind.FUNC_PROTO: 8,
    Kind.DATASEC: 12,
    Kind.ENUM64: 12,
}
_FIXED = tuple(_EXTRA_FIXED.get(Kind(k), 0) if k < len(Kind) else -1 for k in range(32))
_PER = tuple(_EXTRA_PER_VLEN.get(Kind(k), 0) if k < len(Kind) else 0 for k in range(32))


class BtfError(ValueError):
    """Malformed BTF data."""


def _kind_of(info: int) -> int:
    return (info >> 24) & 0x1F


class Btf:
    """A BTF type graph: `btf[id]` is the BtfType with that id (0 is void).

    Split BTF (`base` given) numbers its types after the base's and looks names and ids up in
    both, as the kernel does for module BTF.
    """

    def __init__(
        self,
        *,
        base: Btf | None = None,
        data: bytes = b"",
        endian: str = "<",
        type_start: int = 0,
        offsets: array | None = None,
        infos: array | None = None,
        name_offs: array | None = None,
        strings: bytes = b"\0",
        types: Iterable[BtfType] = (),
        nr_types: int | None = None,
    ) -> None:
        self.base = base
        self.start_id = len(base) if base is not None else 1
        self.start_str_off = base.str_len if base is not None else 0
        self._data = data
        self._endian = endian
        self._type_start = type_start
        self._offsets = offsets if offsets is not None else array("I")
        self._infos = infos if infos is not None else array("I")
        self._name_offs = name_offs if name_offs is not None else array("I")
        self._strings = strings
        self._cache: dict[int, BtfType] = {}
        self._sparse = False
        for t in types:  # pre-parsed types (the snapshot): ids need not be contiguous
            self._cache[t.id] = t
            self._sparse = True
        if not self._sparse:
            self._end_id = self.start_id + len(self._offsets)
        else:
            self._end_id = max(nr_types or 0, max(self._cache) + 1)
        self.origin = ""  # where the types came from: a path, or 'snapshot of <release>'
        self._names: dict[str, list[int]] | None = None
        self._tags: dict[int, list[BtfType]] | None = None

    # --- construction --------------------------------------------------------------------
    @classmethod
    def from_bytes(cls, data: bytes, base: Btf | None = None) -> Btf:
        """Parse a raw BTF blob (vmlinux, module split BTF, an ELF object's `.BTF` section)."""
        data = bytes(data)
        if len(data) < 24:
            raise BtfError(f"BTF blob too short ({len(data)} bytes)")
        magic = struct.unpack_from("<H", data)[0]
        if magic == BTF_MAGIC:
            endian = "<"
        elif magic == 0x9FEB:
            endian = ">"
        else:
            raise BtfError(f"bad BTF magic 0x{magic:04x}")
        _, version, _flags, hdr_len, type_off, type_len, str_off, str_len = struct.unpack_from(
            endian + "HBBIIIII", data
        )
        if version != BTF_VERSION:
            raise BtfError(f"unsupported BTF version {version}")
        if hdr_len + max(type_off + type_len, str_off + str_len) > len(data):
            raise BtfError("BTF sections run past the end of the blob")
        strings = data[hdr_len + str_off : hdr_len + str_off + str_len]
        if base is None and (not strings or strings[0] != 0):
            raise BtfError("BTF string section must start with a NUL")
        type_start = hdr_len + type_off
        offsets, infos, name_offs = _scan(data, type_start, type_len, endian)
        return cls(
            base=base,
            data=data,
            endian=endian,
            type_start=type_start,
            offsets=offsets,
            infos=infos,
            name_offs=name_offs,
            strings=strings,
        )

    @classmethod
    def from_file(cls, path: str | Path, base: Btf | None = None) -> Btf:
        btf = cls.from_bytes(Path(path).read_bytes(), base)
        btf.origin = str(path)
        return btf

    @classmethod
    def from_types(
        cls, types: Iterable[BtfType], base: Btf | None = None, nr_types: int | None = None
    ) -> Btf:
        """A Btf over already-decoded types, keeping their ids (the snapshot). Ids below
        `nr_types` that are absent raise KeyError like ids past the end."""
        return cls(base=base, types=types, nr_types=nr_types)

    # --- ids -------------------------------------------------------------------------------
    @property
    def str_len(self) -> int:
        """Total string-section length, base included (where split BTF strings start)."""
        return self.start_str_off + len(self._strings)

    def __len__(self) -> int:
        """btf_nr_types(): number of type ids, void and base included."""
        return self._end_id

    def __contains__(self, tid: object) -> bool:
        if not isinstance(tid, int):
            return False
        if tid == 0:
            return True
        if tid < self.start_id:
            return self.base is not None and tid in self.base
        if self._sparse:
            return tid in self._cache
        return tid < self._end_id

    def __getitem__(self, tid: int) -> BtfType:
        if tid == 0:
            return VOID
        if tid < self.start_id:
            if self.base is None:
                raise KeyError(tid)
            return self.base[tid]
        t = self._cache.get(tid)
        if t is None:
            if self._sparse or tid >= self._end_id:
                raise KeyError(tid)
            t = self._cache[tid] = self._decode(tid)
        return t

    def get(self, tid: int) -> BtfType | None:
        try:
            return self[tid]
        except KeyError:
            return None

    def own_ids(self) -> Iterator[int]:
        """Ids of the types defined in this blob (not the base's)."""
        if self._sparse:
            yield from sorted(self._cache)
        else:
            yield from range(self.start_id, self._end_id)

    def __iter__(self) -> Iterator[BtfType]:
        """Every type, base first, in id order (void excluded)."""
        if self.base is not None:
            yield from self.base
        for tid in self.own_ids():
            yield self[tid]

    # --- names -----------------------------------------------------------------------------
    def string(self, off: int) -> str:
        """btf_name_by_offset()."""
        if off < self.start_str_off:
            assert self.base is not None
            return self.base.string(off)
        rel = off - self.start_str_off
        end = self._strings.find(b"\0", rel)
        if end < 0:
            raise BtfError(f"string offset {off} is not NUL-terminated")
        return self._strings[rel:end].decode("utf-8", "replace")

    def _name_index(self) -> dict[str, list[int]]:
        if self._names is None:
            names: dict[str, list[int]] = {}
            if self._sparse:
                for tid, t in sorted(self._cache.items()):
                    if t.name:
                        names.setdefault(t.name, []).append(tid)
            else:
                at = self._strings_by_offset()
                for i, off in enumerate(self._name_offs):
                    if off:
                        name = at.get(off)
                        if name is None:
                            name = self.string(off)
                        names.setdefault(name, []).append(self.start_id + i)
            self._names = names
        return self._names

    def _strings_by_offset(self) -> dict[int, str]:
        parts = self._strings.split(b"\0")
        starts = accumulate((len(p) + 1 for p in parts), initial=self.start_str_off)
        return {off: p.decode("utf-8", "replace") for off, p in zip(starts, parts)}

    def find_all(self, name: str, kind: Kind | None = None) -> list[BtfType]:
        """Every type called `name` (of `kind`, if given), base first, in id order."""
        found = self.base.find_all(name, kind) if self.base is not None else []
        for tid in self._name_index().get(name, ()):
            if kind is None or self._kind(tid) == kind:
                found.append(self[tid])
        return found

    def find(self, name: str, kind: Kind | None = None) -> BtfType | None:
        """btf_find_by_name_kind(): the first type called `name` (of `kind`, if given)."""
        if self.base is not None:
            t = self.base.find(name, kind)
            if t is not None:
                return t
        for tid in self._name_index().get(name, ()):
            if kind is None or self._kind(tid) == kind:
                return self[tid]
        return None

    def _kind(self, tid: int) -> int:
        if self._sparse:
            return self._cache[tid].kind
        return _kind_of(self._infos[tid - self.start_id])

    def ids_of_kind(self, kind: Kind) -> Iterator[int]:
        """Ids of this blob's own types of one kind, without decoding the others."""
        if self._sparse:
            yield from (tid for tid in sorted(self._cache) if self._cache[tid].kind == kind)
            return
        for i, info in enumerate(self._infos):
            if _kind_of(info) == kind:
                yield self.start_id + i

    # --- navigation (the kernel's helpers of the same names) -------------------------------
    def skip_modifiers(self, tid: int) -> BtfType:
        """btf_type_skip_modifiers(): follow TYPEDEF/CONST/VOLATILE/RESTRICT/TYPE_TAG."""
        t = self[tid]
        for _ in range(MAX_RESOLVE_DEPTH):
            if not t.is_modifier:
                return t
            t = self[t.type]
        raise BtfError(f"modifier chain from type {tid} is too long")

    def resolve_ptr(self, tid: int) -> BtfType | None:
        """The pointee of a pointer type (modifiers skipped on both ends), else None."""
        t = self.skip_modifiers(tid)
        return self.skip_modifiers(t.type) if t.is_ptr else None

    def size_of(self, tid: int) -> int | None:
        """btf_resolve_size(): bytes of a type (arrays multiplied out); None where it has no
        size (void, FWD, FUNC, FUNC_PROTO, ...)."""
        t = self.skip_modifiers(tid)
        n = 1
        for _ in range(MAX_RESOLVE_DEPTH):
            if t.kind == Kind.ARRAY:
                assert t.array is not None
                n *= t.array.nelems
                t = self.skip_modifiers(t.array.type)
                continue
            if t.kind == Kind.PTR:
                return 8 * n
            if t.kind in (Kind.INT, Kind.STRUCT, Kind.UNION, Kind.ENUM, Kind.ENUM64, Kind.FLOAT):
                return t.size * n
            return None
        raise BtfError(f"array nesting from type {tid} is too deep")

    def func_proto(self, tid: int) -> BtfType:
        """The FUNC_PROTO of a FUNC (or the FUNC_PROTO itself)."""
        t = self[tid]
        if t.is_func:
            t = self[t.type]
        if not t.is_func_proto:
            raise BtfError(f"type {tid} is {t.kind_str}, not a function")
        return t

    def c_name(self, tid: int) -> str:
        """A C spelling of a type for messages and debugging: 'struct nf_conn *', 'u32'."""
        t = self[tid]
        if t.is_void:
            return "void"
        match t.kind:
            case Kind.STRUCT | Kind.UNION | Kind.ENUM | Kind.ENUM64:
                tag = "union" if t.kind == Kind.UNION else "enum" if t.is_any_enum else "struct"
                return f"{tag} {t.name or '(anon)'}"
            case Kind.FWD:
                return f"{'union' if t.kflag else 'struct'} {t.name}"
            case Kind.PTR:
                return self.c_name(t.type) + " *"
            case Kind.CONST | Kind.VOLATILE | Kind.RESTRICT:
                return f"{t.kind.name.lower()} {self.c_name(t.type)}"
            case Kind.TYPE_TAG:
                return self.c_name(t.type)
            case Kind.ARRAY:
                assert t.array is not None
                return f"{self.c_name(t.array.type)}[{t.array.nelems}]"
            case Kind.FUNC_PROTO:
                args = ", ".join(self.c_name(p.type) if p.type else "..." for p in t.params)
                return f"{self.c_name(t.type)} (*)({args or 'void'})"
            case _:
                return t.name or f"({t.kind_str})"

    # --- decl tags and kfuncs ----------------------------------------------------------------
    def decl_tags(self, tid: int, component_idx: int | None = None) -> list[str]:
        """Names of the DECL_TAGs on a type (`component_idx` -1: on the type itself)."""
        if self.base is not None and tid < self.start_id:
            base_tags = self.base.decl_tags(tid, component_idx)
        else:
            base_tags = []
        if self._tags is None:
            tags: dict[int, list[BtfType]] = {}
            for t_id in self.ids_of_kind(Kind.DECL_TAG):
                tag = self[t_id]
                tags.setdefault(tag.type, []).append(tag)
            self._tags = tags
        own = [
            t.name
            for t in self._tags.get(tid, ())
            if component_idx is None or t.component_idx == component_idx
        ]
        return base_tags + own

    def kfuncs(self) -> dict[str, int]:
        """{name: FUNC id} of every function tagged `bpf_kfunc` (the kernel's __bpf_kfunc)."""
        out: dict[str, int] = {}
        if self.base is not None:
            out.update(self.base.kfuncs())
        for t_id in self.ids_of_kind(Kind.DECL_TAG):
            tag = self[t_id]
            if tag.name == "bpf_kfunc" and tag.component_idx == -1:
                target = self.get(tag.type)
                if target is not None and target.is_func:
                    out[target.name] = target.id
        return out

    # --- decoding ----------------------------------------------------------------------------
    def _decode(self, tid: int) -> BtfType:
        e = self._endian
        data = self._data
        pos = self._type_start + self._offsets[tid - self.start_id]
        name_off, info, size_or_type = struct.unpack_from(e + "III", data, pos)
        kind = Kind(_kind_of(info))
        vlen = info & 0xFFFF
        kflag = bool(info >> 31)
        name = self.string(name_off) if name_off else ""
        p = pos + 12
        common = {"id": tid, "kind": kind, "name": name, "kflag": kflag, "vlen": vlen}
        match kind:
            case Kind.INT:
                (word,) = struct.unpack_from(e + "I", data, p)
                info_ = IntInfo(encoding=(word >> 24) & 0x0F, offset=(word >> 16) & 0xFF, bits=word & 0xFF)
                return BtfType(**common, size=size_or_type, int_info=info_)
            case Kind.ARRAY:
                elem, index, nelems = struct.unpack_from(e + "III", data, p)
                return BtfType(**common, array=ArrayInfo(elem, index, nelems))
            case Kind.STRUCT | Kind.UNION:
                members = []
                for mname, mtype, moff in struct.iter_unpack(e + "III", data[p : p + 12 * vlen]):
                    bits, bit_off = (moff >> 24, moff & 0xFFFFFF) if kflag else (0, moff)
                    members.append(Member(self.string(mname) if mname else "", mtype, bit_off, bits))
                return BtfType(**common, size=size_or_type, members=tuple(members))
            case Kind.ENUM:
                fmt = e + ("Ii" if kflag else "II")
                values = tuple(
                    EnumValue(self.string(n), v) for n, v in struct.iter_unpack(fmt, data[p : p + 8 * vlen])
                )
                return BtfType(**common, size=size_or_type, values=values)
            case Kind.ENUM64:
                vals = []
                for n, lo, hi in struct.iter_unpack(e + "III", data[p : p + 12 * vlen]):
                    v = (hi << 32) | lo
                    if kflag and v >= 1 << 63:
                        v -= 1 << 64
                    vals.append(EnumValue(self.string(n), v))
                return BtfType(**common, size=size_or_type, values=tuple(vals))
            case Kind.FUNC_PROTO:
                params = tuple(
                    Param(self.string(n) if n else "", ptype)
                    for n, ptype in struct.iter_unpack(e + "II", data[p : p + 8 * vlen])
                )
                return BtfType(**common, type=size_or_type, params=params)
            case Kind.VAR:
                (linkage,) = struct.unpack_from(e + "I", data, p)
                return BtfType(**common, type=size_or_type, linkage=linkage)
            case Kind.DATASEC:
                secinfo = tuple(
                    VarSecInfo(*v) for v in struct.iter_unpack(e + "III", data[p : p + 12 * vlen])
                )
                return BtfType(**common, size=size_or_type, secinfo=secinfo)
            case Kind.DECL_TAG:
                (component_idx,) = struct.unpack_from(e + "i", data, p)
                return BtfType(**common, type=size_or_type, component_idx=component_idx)
            case Kind.FUNC:
                return BtfType(**common, type=size_or_type, linkage=vlen)
            case Kind.FLOAT:
                return BtfType(**common, size=size_or_type)
            case _:  # PTR, FWD, TYPEDEF, VOLATILE, CONST, RESTRICT, TYPE_TAG
                return BtfType(**common, type=size_or_type)


def _scan(data: bytes, start: int, length: int, endian: str) -> tuple[array, array, array]:
    """Offsets (relative to `start`), info words and name offsets of every type record."""
    offsets, infos, name_offs = array("I"), array("I"), array("I")
    unpack = struct.Struct(endian + "II").unpack_from
    fixed, per = _FIXED, _PER
    pos, end = start, start + length
    while pos < end:
        if pos + 12 > end:
            raise BtfError(f"truncated type record at type-section offset {pos - start}")
        name_off, info = unpack(data, pos)
        kind = (info >> 24) & 0x1F
        extra = fixed[kind]
        if extra < 0:
            raise BtfError(f"unknown BTF kind {kind} at type-section offset {pos - start}")
        offsets.append(pos - start)
        infos.append(info)
        name_offs.append(name_off)
        pos += 12 + extra + per[kind] * (info & 0xFFFF)
    if pos != end:
        raise BtfError("type section ends inside a type record")
    return offsets, infos, name_offs
