"""BTF type records as values (include/uapi/linux/btf.h).

One `BtfType` per type id, whatever its kind; the kind-specific parts (members, params, enum
values, array info, ...) are empty where they do not apply. The raw `size`/`type` union of
`struct btf_type` is split: `size` for kinds that have a size, `type` for kinds that refer to
another type (PTR, TYPEDEF, modifiers, FUNC, FUNC_PROTO's return type, VAR, DECL_TAG, TYPE_TAG).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum


class Kind(IntEnum):
    """BTF_KIND_*."""

    UNKN = 0  # also id 0, 'void'
    INT = 1
    PTR = 2
    ARRAY = 3
    STRUCT = 4
    UNION = 5
    ENUM = 6
    FWD = 7
    TYPEDEF = 8
    VOLATILE = 9
    CONST = 10
    RESTRICT = 11
    FUNC = 12
    FUNC_PROTO = 13
    VAR = 14
    DATASEC = 15
    FLOAT = 16
    DECL_TAG = 17
    TYPE_TAG = 18
    ENUM64 = 19


# btf_kind_str[] in kernel/bpf/btf.c: what btf_type_str() prints in verifier messages
KIND_STR: dict[Kind, str] = {k: ("UNKNOWN" if k == Kind.UNKN else k.name) for k in Kind}

# kinds whose `struct btf_type` u32 is a size rather than a type id
SIZED_KINDS = frozenset({Kind.INT, Kind.STRUCT, Kind.UNION, Kind.ENUM, Kind.DATASEC, Kind.FLOAT, Kind.ENUM64})

# btf_type_is_modifier(): followed through `type` to reach the real type
MODIFIER_KINDS = frozenset({Kind.TYPEDEF, Kind.VOLATILE, Kind.CONST, Kind.RESTRICT, Kind.TYPE_TAG})


class IntEncoding(IntEnum):
    """BTF_INT_ENCODING bits."""

    NONE = 0
    SIGNED = 1 << 0
    CHAR = 1 << 1
    BOOL = 1 << 2


class Linkage(IntEnum):
    """enum btf_func_linkage (FUNC's vlen) / enum btf_var_linkage (VAR)."""

    STATIC = 0
    GLOBAL = 1
    EXTERN = 2


@dataclass(frozen=True, slots=True)
class Member:
    """struct btf_member, with kflag's bitfield encoding already split."""

    name: str
    type: int
    bit_offset: int
    bitfield_size: int = 0  # 0: not a bitfield

    @property
    def offset(self) -> int:
        """Byte offset of the member (of the byte holding a bitfield's first bit)."""
        return self.bit_offset // 8


@dataclass(frozen=True, slots=True)
class Param:
    """struct btf_param of a FUNC_PROTO. A trailing (name '', type 0) param means varargs."""

    name: str
    type: int


@dataclass(frozen=True, slots=True)
class EnumValue:
    name: str
    value: int


@dataclass(frozen=True, slots=True)
class VarSecInfo:
    """struct btf_var_secinfo of a DATASEC."""

    type: int
    offset: int
    size: int


@dataclass(frozen=True, slots=True)
class ArrayInfo:
    """struct btf_array."""

    type: int
    index_type: int
    nelems: int


@dataclass(frozen=True, slots=True)
class IntInfo:
    """The u32 after an INT: encoding, bit offset and width."""

    encoding: int
    offset: int
    bits: int


@dataclass(frozen=True, slots=True)
class BtfType:
    id: int
    kind: Kind
    name: str = ""
    size: int = 0
    type: int = 0
    kflag: bool = False
    vlen: int = 0
    members: tuple[Member, ...] = ()  # STRUCT, UNION
    params: tuple[Param, ...] = ()  # FUNC_PROTO
    values: tuple[EnumValue, ...] = ()  # ENUM, ENUM64
    secinfo: tuple[VarSecInfo, ...] = ()  # DATASEC
    array: ArrayInfo | None = None  # ARRAY
    int_info: IntInfo | None = None  # INT
    linkage: int = 0  # FUNC (its vlen), VAR
    component_idx: int = -1  # DECL_TAG: -1 for the whole target, else member/param index

    # --- the kernel's btf_type_is_*() predicates -----------------------------------------
    @property
    def is_void(self) -> bool:
        return self.id == 0 and self.kind == Kind.UNKN

    @property
    def is_struct(self) -> bool:
        """btf_type_is_struct(): STRUCT or UNION."""
        return self.kind in (Kind.STRUCT, Kind.UNION)

    @property
    def is_ptr(self) -> bool:
        return self.kind == Kind.PTR

    @property
    def is_int(self) -> bool:
        return self.kind == Kind.INT

    @property
    def is_any_enum(self) -> bool:
        return self.kind in (Kind.ENUM, Kind.ENUM64)

    @property
    def is_scalar(self) -> bool:
        """btf_type_is_scalar(): INT or any enum."""
        return self.is_int or self.is_any_enum

    @property
    def is_modifier(self) -> bool:
        return self.kind in MODIFIER_KINDS

    @property
    def is_func(self) -> bool:
        return self.kind == Kind.FUNC

    @property
    def is_func_proto(self) -> bool:
        return self.kind == Kind.FUNC_PROTO

    @property
    def kind_str(self) -> str:
        """btf_type_str(): 'STRUCT', 'INT', ..."""
        return KIND_STR[self.kind]

    @property
    def is_signed(self) -> bool:
        """Signed INT, or ENUM/ENUM64 with kflag set."""
        if self.int_info is not None:
            return bool(self.int_info.encoding & IntEncoding.SIGNED)
        return self.is_any_enum and self.kflag

    def member(self, name: str) -> Member | None:
        for m in self.members:
            if m.name == name:
                return m
        return None


VOID = BtfType(0, Kind.UNKN)
