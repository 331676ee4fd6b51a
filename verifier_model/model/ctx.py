"""Context (PTR_TO_CTX) field access: the `is_valid_access` callbacks of net/core/filter.c as data.

One table per program type says, for every field of the ctx struct, whether it may be read or
written, at which sizes, and what a read produces (a scalar or a packet pointer). The kernel
functions modelled: xdp_is_valid_access, tc_cls_act_is_valid_access (SCHED_CLS and SCHED_ACT),
sk_filter_is_valid_access (SOCKET_FILTER), cg_skb_is_valid_access (CGROUP_SKB), all on top of
bpf_skb_is_valid_access for `struct __sk_buff`.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..isa.opcodes import ProgType
from .regs import RegFlag, RegType

INVALID_CTX_ACCESS = "invalid bpf_context access off={off} size={size}"

# --- struct layouts (include/uapi/linux/bpf.h) ------------------------------------------------

XDP_MD_SIZE = 24
XDP_MD = {"data": 0, "data_end": 4, "data_meta": 8, "ingress_ifindex": 12, "rx_queue_index": 16,
          "egress_ifindex": 20}

SK_BUFF_SIZE = 192
# name -> (offset, size)
SK_BUFF: dict[str, tuple[int, int]] = {
    "len": (0, 4), "pkt_type": (4, 4), "mark": (8, 4), "queue_mapping": (12, 4),
    "protocol": (16, 4), "vlan_present": (20, 4), "vlan_tci": (24, 4), "vlan_proto": (28, 4),
    "priority": (32, 4), "ingress_ifindex": (36, 4), "ifindex": (40, 4), "tc_index": (44, 4),
    "cb": (48, 20), "hash": (68, 4), "tc_classid": (72, 4), "data": (76, 4), "data_end": (80, 4),
    "napi_id": (84, 4), "family": (88, 4), "remote_ip4": (92, 4), "local_ip4": (96, 4),
    "remote_ip6": (100, 16), "local_ip6": (116, 16), "remote_port": (132, 4),
    "local_port": (136, 4), "data_meta": (140, 4), "flow_keys": (144, 8), "tstamp": (152, 8),
    "wire_len": (160, 4), "gso_segs": (164, 4), "sk": (168, 8), "gso_size": (176, 4),
    "tstamp_type": (180, 1), "hwtstamp": (184, 8),
}


def _field_at(off: int) -> str | None:
    """The __sk_buff field covering byte `off` (bpf_ctx_range semantics), None for padding."""
    for name, (start, size) in SK_BUFF.items():
        if start <= off < start + size:
            return name
    return None


@dataclass(frozen=True, slots=True)
class CtxAccess:
    """bpf_insn_access_aux: what a successful access yields."""

    reg_type: RegType = RegType.SCALAR_VALUE
    flags: RegFlag = RegFlag.NONE
    ctx_field_size: int = 0


_SCALAR = CtxAccess()
_PKT_TYPES = {"data": RegType.PTR_TO_PACKET, "data_end": RegType.PTR_TO_PACKET_END,
              "data_meta": RegType.PTR_TO_PACKET_META}


def _narrow_access_ok(off: int, size: int, size_default: int) -> bool:  # bpf_ctx_narrow_access_ok
    return size <= size_default and (size & (size - 1)) == 0


# --- xdp -----------------------------------------------------------------------------------


def xdp_is_valid_access(off: int, size: int, write: bool) -> CtxAccess | None:
    if off == XDP_MD["egress_ifindex"]:  # only for BPF_XDP_DEVMAP programs
        return None
    if write:
        return None  # rx_queue_index is writable only for offloaded programs
    if off in (XDP_MD["data_meta"], XDP_MD["data"], XDP_MD["data_end"]) and size != 4:
        return None
    # __is_valid_xdp_access
    if off < 0 or off >= XDP_MD_SIZE or off % size != 0 or size != 4:
        return None
    for name in ("data", "data_end", "data_meta"):
        if off == XDP_MD[name]:
            return CtxAccess(_PKT_TYPES[name])
    return _SCALAR


# --- __sk_buff -----------------------------------------------------------------------------


def bpf_skb_is_valid_access(off: int, size: int, write: bool,
                            reg_type: CtxAccess = _SCALAR) -> CtxAccess | None:
    size_default = 4
    if off < 0 or off >= SK_BUFF_SIZE:
        return None
    if off % size != 0:
        return None
    name = _field_at(off)
    if name == "cb":
        if off + size > 48 + 20:
            return None
    elif name in ("remote_ip6", "local_ip6", "remote_ip4", "local_ip4", "data", "data_meta",
                  "data_end"):
        if size != size_default:
            return None
    elif name == "flow_keys":
        return None
    elif name == "hwtstamp":
        if write or size != 8:
            return None
    elif name == "tstamp":
        if size != 8:
            return None
    elif name == "sk":
        if off != SK_BUFF["sk"][0] or write or size != 8:
            return None
        return CtxAccess(RegType.PTR_TO_SOCK_COMMON, RegFlag.PTR_MAYBE_NULL)
    elif name == "tstamp_type" or name is None:  # tstamp_type and the padding after it
        return None
    else:
        if write:
            if size != size_default:
                return None
        else:
            if not _narrow_access_ok(off, size, size_default):
                return None
            return CtxAccess(reg_type.reg_type, reg_type.flags, size_default)
    return reg_type


_TC_WRITABLE = {"mark", "tc_index", "priority", "tc_classid", "cb", "tstamp", "queue_mapping"}
_SOCK_ADDR_FIELDS = {"family", "remote_ip4", "local_ip4", "remote_ip6", "local_ip6",
                     "remote_port", "local_port"}


def tc_cls_act_is_valid_access(off: int, size: int, write: bool) -> CtxAccess | None:
    name = _field_at(off) if 0 <= off < SK_BUFF_SIZE else None
    if write and name not in _TC_WRITABLE:
        return None
    info = _SCALAR
    if name in _PKT_TYPES:
        info = CtxAccess(_PKT_TYPES[name])
    elif name in _SOCK_ADDR_FIELDS:
        return None
    elif name == "tstamp_type" and off == SK_BUFF["tstamp_type"][0]:
        return _SCALAR if size == 1 else None
    return bpf_skb_is_valid_access(off, size, write, info)


def sk_filter_is_valid_access(off: int, size: int, write: bool) -> CtxAccess | None:
    name = _field_at(off) if 0 <= off < SK_BUFF_SIZE else None
    if name in {"tc_classid", "data", "data_meta", "data_end", "tstamp", "wire_len",
                "hwtstamp"} | _SOCK_ADDR_FIELDS:
        return None
    if write and name != "cb":
        return None
    return bpf_skb_is_valid_access(off, size, write)


def cg_skb_is_valid_access(off: int, size: int, write: bool, *, cap_sys_admin: bool = True) -> CtxAccess | None:
    name = _field_at(off) if 0 <= off < SK_BUFF_SIZE else None
    if name in ("tc_classid", "data_meta", "wire_len"):
        return None
    # data/data_end need CAP_BPF, which every loader the model supports has
    if write:
        if name in ("mark", "priority", "cb"):
            pass
        elif name == "tstamp":
            if not cap_sys_admin:
                return None
        else:
            return None
    info = _SCALAR
    if name in ("data", "data_end"):
        info = CtxAccess(_PKT_TYPES[name])
    return bpf_skb_is_valid_access(off, size, write, info)


KNOWN_PROG_TYPES = frozenset({ProgType.XDP, ProgType.SCHED_CLS, ProgType.SCHED_ACT, ProgType.SOCKET_FILTER,
                              ProgType.CGROUP_SKB})


def is_valid_access(prog_type: int, off: int, size: int, write: bool, *,
                    cap_sys_admin: bool = True) -> CtxAccess | None:
    """env->ops->is_valid_access for the program types the model knows; None means invalid."""
    if prog_type == ProgType.XDP:
        return xdp_is_valid_access(off, size, write)
    if prog_type in (ProgType.SCHED_CLS, ProgType.SCHED_ACT):
        return tc_cls_act_is_valid_access(off, size, write)
    if prog_type == ProgType.SOCKET_FILTER:
        return sk_filter_is_valid_access(off, size, write)
    if prog_type == ProgType.CGROUP_SKB:
        return cg_skb_is_valid_access(off, size, write, cap_sys_admin=cap_sys_admin)
    return None
