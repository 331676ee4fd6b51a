"""BPF opcode constants (include/uapi/linux/bpf.h, bpf_common.h)."""
from __future__ import annotations

from enum import IntEnum


class Cls(IntEnum):
    LD = 0x00
    LDX = 0x01
    ST = 0x02
    STX = 0x03
    ALU = 0x04
    JMP = 0x05
    JMP32 = 0x06
    ALU64 = 0x07


class Src(IntEnum):
    K = 0x00
    X = 0x08


class AluOp(IntEnum):
    ADD = 0x00
    SUB = 0x10
    MUL = 0x20
    DIV = 0x30
    OR = 0x40
    AND = 0x50
    LSH = 0x60
    RSH = 0x70
    NEG = 0x80
    MOD = 0x90
    XOR = 0xA0
    MOV = 0xB0
    ARSH = 0xC0
    END = 0xD0


class JmpOp(IntEnum):
    JA = 0x00
    JEQ = 0x10
    JGT = 0x20
    JGE = 0x30
    JSET = 0x40
    JNE = 0x50
    JSGT = 0x60
    JSGE = 0x70
    CALL = 0x80
    EXIT = 0x90
    JLT = 0xA0
    JLE = 0xB0
    JSLT = 0xC0
    JSLE = 0xD0
    JCOND = 0xE0  # may_goto


class Size(IntEnum):
    W = 0x00
    H = 0x08
    B = 0x10
    DW = 0x18


SIZE_BYTES = {Size.B: 1, Size.H: 2, Size.W: 4, Size.DW: 8}
BYTES_SIZE = {v: k for k, v in SIZE_BYTES.items()}


class Mode(IntEnum):
    IMM = 0x00
    ABS = 0x20
    IND = 0x40
    MEM = 0x60
    MEMSX = 0x80
    ATOMIC = 0xC0


class AtomicOp(IntEnum):
    ADD = 0x00
    OR = 0x40
    AND = 0x50
    XOR = 0xA0
    FETCH = 0x01
    XCHG = 0xE0 | 0x01
    CMPXCHG = 0xF0 | 0x01


# BPF_END source bit: BPF_TO_LE (K) / BPF_TO_BE (X); with ALU64 it is the unconditional bswap.
TO_LE = 0x00
TO_BE = 0x08

# src_reg of ld_imm64
PSEUDO_MAP_FD = 1
PSEUDO_MAP_VALUE = 2
PSEUDO_BTF_ID = 3
PSEUDO_FUNC = 4
PSEUDO_MAP_IDX = 5
PSEUDO_MAP_IDX_VALUE = 6

# src_reg of BPF_CALL
PSEUDO_HELPER_CALL = 0
PSEUDO_CALL = 1  # bpf-to-bpf
PSEUDO_KFUNC_CALL = 2

MAX_BPF_REG = 11  # r0..r10
FP_REG = 10


class ProgType(IntEnum):
    """enum bpf_prog_type (the subset the tool names; any number is accepted)."""

    UNSPEC = 0
    SOCKET_FILTER = 1
    KPROBE = 2
    SCHED_CLS = 3
    SCHED_ACT = 4
    TRACEPOINT = 5
    XDP = 6
    PERF_EVENT = 7
    CGROUP_SKB = 8


# libbpf SEC() prefixes -> program type (tools/lib/bpf/libbpf.c section_defs)
SECTION_PROG_TYPES: tuple[tuple[str, ProgType], ...] = (
    ("xdp.frags", ProgType.XDP),  # also xdp.frags/devmap, xdp.frags/cpumap
    ("xdp", ProgType.XDP),  # also xdp/devmap, xdp/cpumap
    ("tcx/ingress", ProgType.SCHED_CLS),
    ("tcx/egress", ProgType.SCHED_CLS),
    ("tc/ingress", ProgType.SCHED_CLS),
    ("tc/egress", ProgType.SCHED_CLS),
    ("netkit/primary", ProgType.SCHED_CLS),
    ("netkit/peer", ProgType.SCHED_CLS),
    ("tc", ProgType.SCHED_CLS),
    ("classifier", ProgType.SCHED_CLS),
    ("action", ProgType.SCHED_ACT),
    ("socket", ProgType.SOCKET_FILTER),
    ("cgroup_skb/ingress", ProgType.CGROUP_SKB),
    ("cgroup_skb/egress", ProgType.CGROUP_SKB),
    ("cgroup/skb", ProgType.CGROUP_SKB),
    ("kprobe", ProgType.KPROBE),
    ("kretprobe", ProgType.KPROBE),
    ("uprobe", ProgType.KPROBE),
    ("uretprobe", ProgType.KPROBE),
    ("tracepoint", ProgType.TRACEPOINT),
    ("tp", ProgType.TRACEPOINT),
    ("perf_event", ProgType.PERF_EVENT),
)

PROG_TYPE_NAMES = {
    "xdp": ProgType.XDP,
    "tc": ProgType.SCHED_CLS,
    "sched_cls": ProgType.SCHED_CLS,
    "sched_act": ProgType.SCHED_ACT,
    "socket_filter": ProgType.SOCKET_FILTER,
    "cgroup_skb": ProgType.CGROUP_SKB,
}


def prog_type_from_section(name: str) -> ProgType | None:
    """libbpf's section-name matching: exact name, or prefix followed by '/'."""
    for prefix, ptype in SECTION_PROG_TYPES:
        if name == prefix or name.startswith(prefix + "/"):
            return ptype
    return None
