"""Register state: struct bpf_reg_state as an immutable value (include/linux/bpf_verifier.h).

For scalars `scalar` describes the value; for pointers it describes the variable part of the
offset (var_off + bounds), `off` is the fixed offset. Transfer functions return new Regs
(`dataclasses.replace`); nothing mutates a Reg another state still holds.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from enum import IntEnum, IntFlag

from ..program import MapDef
from .scalar import Scalar


class RegType(IntEnum):
    """enum bpf_reg_type base types (the order of the kernel's enum)."""

    NOT_INIT = 0
    SCALAR_VALUE = 1
    PTR_TO_CTX = 2
    CONST_PTR_TO_MAP = 3
    PTR_TO_MAP_VALUE = 4
    PTR_TO_MAP_KEY = 5
    PTR_TO_STACK = 6
    PTR_TO_PACKET_META = 7
    PTR_TO_PACKET = 8
    PTR_TO_PACKET_END = 9
    PTR_TO_FLOW_KEYS = 10
    PTR_TO_SOCKET = 11
    PTR_TO_SOCK_COMMON = 12
    PTR_TO_TCP_SOCK = 13
    PTR_TO_TP_BUFFER = 14
    PTR_TO_XDP_SOCK = 15
    PTR_TO_BTF_ID = 16
    PTR_TO_MEM = 17
    PTR_TO_ARENA = 18
    PTR_TO_BUF = 19
    PTR_TO_FUNC = 20
    CONST_PTR_TO_DYNPTR = 21


class RegFlag(IntFlag):
    """Type flags (enum bpf_type_flag) that matter here."""

    NONE = 0
    PTR_MAYBE_NULL = 1 << 0
    MEM_RDONLY = 1 << 1
    PTR_UNTRUSTED = 1 << 6
    MEM_ALLOC = 1 << 11
    PTR_TRUSTED = 1 << 12
    MEM_RCU = 1 << 13


@dataclass(frozen=True, slots=True)
class BtfRef:
    """The BTF type a PTR_TO_BTF_ID points to: type id in its BTF and the struct's name."""

    type_id: int
    name: str
    size: int = 0


@dataclass(frozen=True, slots=True)
class Reg:
    type: RegType = RegType.NOT_INIT
    flags: RegFlag = RegFlag.NONE
    off: int = 0
    id: int = 0
    ref_obj_id: int = 0
    scalar: Scalar = Scalar.unknown()  # noqa: RUF009 - Scalar is frozen, one shared default is safe
    btf: BtfRef | None = None  # PTR_TO_BTF_ID
    map: MapDef | None = None  # CONST_PTR_TO_MAP, PTR_TO_MAP_VALUE/KEY
    range: int = 0  # packet pointers: bytes proven accessible past off
    mem_size: int = 0  # PTR_TO_MEM
    frameno: int = 0  # PTR_TO_STACK: the frame it points into
    subprogno: int = 0  # PTR_TO_FUNC
    precise: bool = False
    subreg_def: int = 0  # insn index + 1 of the last 32-bit def (0: none), for `_w` printing

    # --- views -------------------------------------------------------------------------
    @property
    def is_scalar(self) -> bool:
        return self.type == RegType.SCALAR_VALUE

    @property
    def is_pointer(self) -> bool:
        return self.type not in (RegType.NOT_INIT, RegType.SCALAR_VALUE)

    @property
    def maybe_null(self) -> bool:
        return bool(self.flags & RegFlag.PTR_MAYBE_NULL)

    def is_const(self, value: int | None = None) -> bool:
        if not (self.is_scalar and self.scalar.is_const()):
            return False
        return value is None or self.scalar.value == (value & ((1 << 64) - 1))

    def with_(self, **changes: object) -> Reg:
        return replace(self, **changes)  # type: ignore[arg-type]


NOT_INIT = Reg()

# linked scalars with a constant delta (BPF_ADD_CONST): flags in Reg.id, the delta in Reg.off
BPF_ADD_CONST64 = 1 << 31
BPF_ADD_CONST32 = 1 << 30
BPF_ADD_CONST = BPF_ADD_CONST64 | BPF_ADD_CONST32


def base_id(reg_id: int) -> int:
    return reg_id & ~BPF_ADD_CONST


def scalar_reg(s: Scalar) -> Reg:
    return Reg(type=RegType.SCALAR_VALUE, scalar=s)


def unknown_scalar() -> Reg:  # mark_reg_unknown
    return Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.unknown())


def const_scalar(v: int) -> Reg:  # __mark_reg_known
    return Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(v))


def pointer(t: RegType, **kw: object) -> Reg:
    """A pointer with known-zero variable offset (__mark_reg_known_zero)."""
    return Reg(type=t, scalar=Scalar.const(0), **kw)  # type: ignore[arg-type]
