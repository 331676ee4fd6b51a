"""The kfunc table as data: one row per kfunc the model knows (BTF_ID_FLAGS / BTF_SET entries).

A row says which program types may call the kfunc (the kfunc id sets registered with
register_btf_kfunc_id_set), its KF_* flags, and a C prototype. The prototype actually used is the
FUNC_PROTO of the target BTF (`kernel_btf()`: the running kernel or the embedded 6.18 snapshot)
when it has a FUNC of that name; the row's `proto` is the fallback when it has not, and the only
source for profiles whose kernel differs from the BTF at hand (`patch-v4`: `len__` size names,
no trusted args). A new kfunc is one row, not a new `if`.

Sources: net/netfilter/nf_conntrack_bpf.c and nf_nat_bpf.c (6.18: one set for XDP and SCHED_CLS),
kernel/bpf/helpers.c (generic and common sets), net/core/filter.c (dynptr sets); the seed series
v4 (Dec 2021: per-hook check sets, separate acquire/release/ret-null sets, 12-byte opts).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import IntFlag

from ..isa.opcodes import ProgType


class KF(IntFlag):
    """KF_* kfunc flags (include/linux/btf.h, 6.18 values)."""

    NONE = 0
    ACQUIRE = 1 << 0
    RELEASE = 1 << 1
    RET_NULL = 1 << 2
    TRUSTED_ARGS = 1 << 4
    SLEEPABLE = 1 << 5
    DESTRUCTIVE = 1 << 6
    RCU = 1 << 7


# enum bpf_prog_type numbers not named in isa.opcodes.ProgType
_LWT_IN, _LWT_OUT, _LWT_XMIT, _SK_SKB, _LWT_SEG6LOCAL = 10, 11, 12, 14, 23
_TRACING, _STRUCT_OPS, _LSM, _SYSCALL, _NETFILTER, _CGROUP_SOCK_ADDR = 26, 27, 29, 31, 32, 18

XDP_TC = frozenset({int(ProgType.XDP), int(ProgType.SCHED_CLS)})
XDP_ONLY = frozenset({int(ProgType.XDP)})
TC_ONLY = frozenset({int(ProgType.SCHED_CLS)})
# generic_kfunc_set (kernel/bpf/helpers.c kfunc_init)
GENERIC = frozenset({_TRACING, int(ProgType.SCHED_CLS), int(ProgType.XDP), _STRUCT_OPS, _SYSCALL,
                     int(ProgType.CGROUP_SKB)})
# bpf_kfunc_set_skb (net/core/filter.c bpf_kfunc_init)
SKB_DYNPTR = frozenset({int(ProgType.SCHED_CLS), int(ProgType.SCHED_ACT), int(ProgType.SOCKET_FILTER),
                        int(ProgType.CGROUP_SKB), _LWT_OUT, _LWT_IN, _LWT_XMIT, _LWT_SEG6LOCAL, _NETFILTER,
                        _TRACING, _SK_SKB})
NOWHERE: frozenset[int] = frozenset()


@dataclass(frozen=True, slots=True)
class KfuncRow:
    """One kfunc. `proto` is C: 'struct nf_conn *bpf_ct_insert_entry(struct nf_conn___init *nfct_i)'.
    `modelled` False: the set membership is known but the argument kinds are not modelled (dynptr,
    iterators, ...): calls from an allowed program type are reported as unsupported."""

    name: str
    flags: KF
    prog_types: frozenset[int]
    proto: str
    modelled: bool = True
    note: str = ""


_CT_LOOKUP_ARGS = "struct bpf_sock_tuple *bpf_tuple, u32 tuple__sz, struct bpf_ct_opts *opts, u32 opts__sz"

# --- Linux 6.18 ------------------------------------------------------------------------------

KFUNCS_6_18: tuple[KfuncRow, ...] = (
    # nf_ct_kfunc_set, registered for XDP and SCHED_CLS (nf_conntrack_bpf.c)
    KfuncRow("bpf_xdp_ct_alloc", KF.ACQUIRE | KF.RET_NULL, XDP_TC,
             f"struct nf_conn___init *bpf_xdp_ct_alloc(struct xdp_md *xdp_ctx, {_CT_LOOKUP_ARGS})"),
    KfuncRow("bpf_xdp_ct_lookup", KF.ACQUIRE | KF.RET_NULL, XDP_TC,
             f"struct nf_conn *bpf_xdp_ct_lookup(struct xdp_md *xdp_ctx, {_CT_LOOKUP_ARGS})"),
    KfuncRow("bpf_skb_ct_alloc", KF.ACQUIRE | KF.RET_NULL, XDP_TC,
             f"struct nf_conn___init *bpf_skb_ct_alloc(struct __sk_buff *skb_ctx, {_CT_LOOKUP_ARGS})"),
    KfuncRow("bpf_skb_ct_lookup", KF.ACQUIRE | KF.RET_NULL, XDP_TC,
             f"struct nf_conn *bpf_skb_ct_lookup(struct __sk_buff *skb_ctx, {_CT_LOOKUP_ARGS})"),
    KfuncRow("bpf_ct_insert_entry", KF.ACQUIRE | KF.RET_NULL | KF.RELEASE, XDP_TC,
             "struct nf_conn *bpf_ct_insert_entry(struct nf_conn___init *nfct_i)"),
    KfuncRow("bpf_ct_release", KF.RELEASE, XDP_TC, "void bpf_ct_release(struct nf_conn *nfct)"),
    KfuncRow("bpf_ct_set_timeout", KF.TRUSTED_ARGS, XDP_TC,
             "void bpf_ct_set_timeout(struct nf_conn___init *nfct, u32 timeout)"),
    KfuncRow("bpf_ct_change_timeout", KF.TRUSTED_ARGS, XDP_TC,
             "int bpf_ct_change_timeout(struct nf_conn *nfct, u32 timeout)"),
    KfuncRow("bpf_ct_set_status", KF.TRUSTED_ARGS, XDP_TC,
             "int bpf_ct_set_status(const struct nf_conn___init *nfct, u32 status)"),
    KfuncRow("bpf_ct_change_status", KF.TRUSTED_ARGS, XDP_TC,
             "int bpf_ct_change_status(struct nf_conn *nfct, u32 status)"),
    # nf_nat_kfunc_set, registered for XDP and SCHED_CLS (nf_nat_bpf.c)
    KfuncRow("bpf_ct_set_nat_info", KF.TRUSTED_ARGS, XDP_TC,
             "int bpf_ct_set_nat_info(struct nf_conn___init *nfct, union nf_inet_addr *addr, int port, "
             "enum nf_nat_manip_type manip)"),
    # generic_kfunc_set (kernel/bpf/helpers.c): only what CT programs meet in practice
    KfuncRow("bpf_task_acquire", KF.ACQUIRE | KF.RCU | KF.RET_NULL, GENERIC,
             "struct task_struct *bpf_task_acquire(struct task_struct *p)"),
    KfuncRow("bpf_task_release", KF.RELEASE, GENERIC, "void bpf_task_release(struct task_struct *p)"),
    # dynptr constructors (net/core/filter.c): the generic checks are modelled up to the
    # struct bpf_dynptr argument, which the model reports as unsupported
    KfuncRow("bpf_dynptr_from_xdp", KF.NONE, XDP_ONLY,
             "int bpf_dynptr_from_xdp(struct xdp_md *x, u64 flags, struct bpf_dynptr *ptr__uninit)"),
    KfuncRow("bpf_dynptr_from_skb", KF.TRUSTED_ARGS, SKB_DYNPTR,
             "int bpf_dynptr_from_skb(struct __sk_buff *s, u64 flags, struct bpf_dynptr *ptr__uninit)"),
    # a FUNC in vmlinux BTF that no kfunc set contains (A8)
    KfuncRow("bpf_ctx_init", KF.NONE, NOWHERE,
             "void *bpf_ctx_init(const union bpf_attr *kattr, u32 max_size)"),
)

# --- the seed series, v4 (Dec 2021) ------------------------------------------------------------
# Only three kfuncs. Check sets per hook (nf_conntrack_xdp_ids / nf_conntrack_skb_ids); the
# acquire, release and ret-null sets are shared and intersected with the check set, which gives
# the same flags as below. Size parameters are named with the `len__` prefix; bpf_ct_opts is
# { s32 netns_id; s32 error; u8 l4proto; u8 reserved[3]; } (NF_BPF_CT_OPTS_SZ = 12).

_V4_LOOKUP_ARGS = "struct bpf_sock_tuple *bpf_tuple, u32 len__tuple, struct bpf_ct_opts *opts, u32 len__opts"

KFUNCS_PATCH_V4: tuple[KfuncRow, ...] = (
    KfuncRow("bpf_xdp_ct_lookup", KF.ACQUIRE | KF.RET_NULL, XDP_ONLY,
             f"struct nf_conn *bpf_xdp_ct_lookup(struct xdp_md *xdp_ctx, {_V4_LOOKUP_ARGS})"),
    KfuncRow("bpf_skb_ct_lookup", KF.ACQUIRE | KF.RET_NULL, TC_ONLY,
             f"struct nf_conn *bpf_skb_ct_lookup(struct __sk_buff *skb_ctx, {_V4_LOOKUP_ARGS})"),
    KfuncRow("bpf_ct_release", KF.RELEASE, XDP_TC, "void bpf_ct_release(struct nf_conn *nfct)"),
)

# Struct layouts that differ from the BTF at hand, per table (name -> size in bytes). The verifier
# only needs "is it a struct of scalars" for these, which holds for both layouts; the size is kept
# for documentation and for runtime notes (NF_BPF_CT_OPTS_SZ).
STRUCT_SIZES: dict[str, dict[str, int]] = {
    "6.18": {"bpf_ct_opts": 16},
    "patch-v4": {"bpf_ct_opts": 12},
}

TABLES: dict[str, tuple[KfuncRow, ...]] = {"6.18": KFUNCS_6_18, "patch-v4": KFUNCS_PATCH_V4}
CT_KFUNCS: tuple[str, ...] = tuple(r.name for r in KFUNCS_6_18[:11])


def rows(table: str = "6.18") -> tuple[KfuncRow, ...]:
    return TABLES[table]


def find_row(name: str, table: str = "6.18") -> KfuncRow | None:
    for r in TABLES[table]:
        if r.name == name:
            return r
    return None


# --- prototypes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class CParam:
    """A parsed C parameter: the type text without the name ('struct nf_conn *', 'u32')."""

    type: str
    name: str


@dataclass(frozen=True, slots=True)
class CProto:
    ret: str
    name: str
    params: tuple[CParam, ...] = field(default=())


_PROTO = re.compile(r"^\s*(?P<ret>.*?[\s*])(?P<name>[A-Za-z_]\w*)\s*\((?P<args>.*)\)\s*$")
_PARAM = re.compile(r"^\s*(?P<type>.*?[\s*])(?P<name>[A-Za-z_]\w*)\s*$")


def parse_proto(text: str) -> CProto:
    """Parse the small C subset the rows use: 'ret name(type name, ...)'."""
    m = _PROTO.match(text)
    if not m:
        raise ValueError(f"bad kfunc prototype: {text!r}")
    params = []
    args = m.group("args").strip()
    if args and args != "void":
        for a in args.split(","):
            pm = _PARAM.match(a)
            if not pm:
                raise ValueError(f"bad kfunc parameter {a!r} in {text!r}")
            params.append(CParam(_norm(pm.group("type")), pm.group("name")))
    return CProto(_norm(m.group("ret")), m.group("name"), tuple(params))


def _norm(t: str) -> str:
    t = re.sub(r"\s*\*", " *", t.strip())
    return re.sub(r"\s+", " ", t).replace("* *", "**")
