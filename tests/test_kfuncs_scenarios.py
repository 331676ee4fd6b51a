"""The A-L and P scenarios of the live 6.18 logs (../shared/semantics/live-6.18-logs): verdict and
exact error lines of the model must be the kernel's, ids included. Each program is the log's
instruction sequence; where a log shows only 'processed N insns' (accepted), the program is the
obvious one the log's title describes. When bpf() works, the same programs also go to the kernel."""
from __future__ import annotations

from dataclasses import replace

import pytest
from test_kfuncs_harness import (
    TUPLE_OPTS,
    asm,
    kernel_available,
    kernel_run,
    lookup,
    lookup_args,
    model_run,
    running_the_logs_build,
)

from verifier_model.isa.opcodes import ProgType
from verifier_model.program import MapDef

XDP, TC = ProgType.XDP, ProgType.SCHED_CLS
LEAK = "BPF_EXIT instruction in main prog would lead to reference leak"
NEST = "max struct nesting depth exceeded"
NF_CONN_NOT_SCALAR = "arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar"
PAIR12 = "arg#1 arg#2 memory, len pair leads to invalid memory access"
PAIR34 = "arg#3 arg#4 memory, len pair leads to invalid memory access"
RELEASE_OK = "    if r0 == 0 goto out\n    r1 = r0\n    call bpf_ct_release\nout:\n    r0 = 2\n    exit\n"
EXIT2 = "    r0 = 2\n    exit\n"
MAP = MapDef("m", map_type=3, key_size=4, value_size=4, max_entries=1)  # a prog array, for bpf_tail_call

# (log id, program type, privileged, program, verdict, error lines)
SCENARIOS: list[tuple[str, int, bool, str, str, list[str]]] = [
    ("A0", XDP, True, lookup() + RELEASE_OK, "accept", []),
    ("A0b", TC, True, lookup("bpf_skb_ct_lookup") + RELEASE_OK, "accept", []),
    ("A0c", ProgType.SCHED_ACT, True, lookup("bpf_skb_ct_lookup") + RELEASE_OK, "reject",
     ["calling kernel function bpf_skb_ct_lookup is not allowed"]),
    ("A1", XDP, True, lookup("bpf_skb_ct_lookup") + RELEASE_OK, "reject",
     ["arg#0 pointer type STRUCT __sk_buff must point to scalar, or struct with scalar"]),
    ("A2", TC, True, lookup("bpf_xdp_ct_lookup") + RELEASE_OK, "reject", ["R1 type=ctx expected=fp"]),
    ("A4", ProgType.SOCKET_FILTER, True, lookup("bpf_skb_ct_lookup") + RELEASE_OK, "reject",
     ["calling kernel function bpf_skb_ct_lookup is not allowed"]),
    ("A5", ProgType.CGROUP_SKB, True, lookup("bpf_skb_ct_lookup") + RELEASE_OK, "reject",
     ["calling kernel function bpf_skb_ct_lookup is not allowed"]),
    ("A8", XDP, True, "    r1 = 0\n    r2 = 0\n    call bpf_ct_release  # -> bpf_ctx_init\n" + EXIT2, "reject",
     ["calling kernel function bpf_ctx_init is not allowed"]),
    ("B1", XDP, True, TUPLE_OPTS + "    r1 = r10\n    r1 += -48\n" + lookup_args("")
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject", ["arg#0 expected pointer to ctx, but got fp"]),
    ("B2", XDP, True, TUPLE_OPTS + "    r1 = r6\n    r1 += 4\n" + lookup_args("")
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject", ["dereference of modified ctx ptr R1 off=4 disallowed"]),
    ("B2b", XDP, True, lookup(ctx="0") + RELEASE_OK, "reject", ["arg#0 expected pointer to ctx, but got scalar"]),
    ("B3", XDP, True, "    r6 = r1\n    *(u64 *)(r10 - 64) = 0\n    *(u64 *)(r10 - 56) = 0\n"
     + lookup_args() + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "accept", []),
    ("B4", XDP, True, "    r6 = r1\n    *(u64 *)(r10 - 48) = 0\n    *(u64 *)(r10 - 64) = 0\n"
     "    *(u64 *)(r10 - 56) = 0\n" + lookup_args() + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "accept", []),
    ("B5", XDP, True, TUPLE_OPTS + "    r7 = *(u32 *)(r6 + 16)\n" + lookup_args(tsz="r7")
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject",
     ["R3 unbounded memory access, use 'var &= const' or 'if (var < const)'", PAIR12]),
    ("B6", XDP, True, TUPLE_OPTS + "    r7 = *(u32 *)(r6 + 16)\n    r7 &= 31\n" + lookup_args(tsz="r7")
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "accept", []),
    ("B7", XDP, True, lookup(tsz="0") + RELEASE_OK, "accept", []),
    ("B8", XDP, True, lookup(tsz="-1") + RELEASE_OK, "reject",
     ["R3 min value is negative, either use unsigned or 'var &= const'", PAIR12]),
    ("B9", XDP, True, lookup(tuple_="-8", tsz="36") + RELEASE_OK, "reject",
     ["invalid read from stack R2 off=-8 size=36", PAIR12]),
    ("B9b", XDP, True, lookup(tuple_="-600") + RELEASE_OK, "reject",
     ["invalid read from stack R2 off=-600 size=12", PAIR12]),
    ("B10", XDP, True, lookup(tuple_="0") + RELEASE_OK, "reject", ["R2 type=scalar expected=fp", PAIR12]),
    ("B10b", XDP, True, lookup(tuple_="0", tsz="0") + RELEASE_OK, "accept", []),
    ("B11", XDP, True, lookup(opts="0") + RELEASE_OK, "reject", ["R4 type=scalar expected=fp", PAIR34]),
    ("B11b", XDP, True, lookup(opts="0", osz="0") + RELEASE_OK, "accept", []),
    ("B12", XDP, True, lookup(osz="16") + RELEASE_OK, "accept", []),
    ("B12b", XDP, True, lookup(osz="20") + RELEASE_OK, "accept", []),
    ("B12c", XDP, True, lookup(osz="24") + RELEASE_OK, "accept", []),
    ("B12d", XDP, True, lookup(osz="65") + RELEASE_OK, "reject",
     ["invalid read from stack R4 off=-64 size=65", PAIR34]),
    ("B12e", XDP, True, TUPLE_OPTS + "    r7 = *(u32 *)(r6 + 0)\n" + lookup_args(osz="r7")
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject", ["R5 is not a scalar"]),
    ("B13b", XDP, True, TUPLE_OPTS.replace("r1\n", "r1\n    r8 = *(u32 *)(r6 + 0)\n", 1) + lookup_args(tuple_="r8")
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject",
     ["invalid access to packet, off=0 size=12, R2(id=0,off=0,r=0)", "R2 offset is outside of the packet", PAIR12]),
    ("B15", XDP, True, lookup(tuple_="r6") + RELEASE_OK, "reject", ["R2 type=ctx expected=fp", PAIR12]),
    ("B16", XDP, True, lookup(tsz="r10") + RELEASE_OK, "reject", ["R3 is not a scalar"]),
    ("B16b", XDP, True, lookup(osz="r10") + RELEASE_OK, "reject", ["R5 is not a scalar"]),
    ("B19", XDP, True, lookup(osz="") + RELEASE_OK, "reject", ["R5 is not a scalar"]),
    ("C10", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    call bpf_ct_release\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject", [NEST, NF_CONN_NOT_SCALAR]),
    ("C11", XDP, True, lookup() + "    if r0 == 0 goto out\n    r1 = r0\n    r1 += 8\n    call bpf_ct_release\nout:\n"
     + EXIT2, "reject", ["R1 must have zero offset when passed to release func or trusted arg to kfunc"]),
    ("C12", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = *(u64 *)(r0 + 160)\n"
     "    if r1 == 0 goto rel\n    call bpf_ct_release\nrel:\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2,
     "reject", ["R1 must be referenced or trusted"]),
    ("C13", XDP, True, "    r1 = 0\n    call bpf_ct_release\n" + EXIT2, "reject",
     ["Possibly NULL pointer passed to trusted arg0"]),
    ("C13b", XDP, True, "    call bpf_ct_release\n" + EXIT2, "reject", [NEST, NF_CONN_NOT_SCALAR]),
    ("C13c", XDP, True, "    r1 = r10\n    call bpf_ct_release\n" + EXIT2, "reject", [NEST, NF_CONN_NOT_SCALAR]),
    ("C14", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r2 = 1000\n"
     "    call bpf_ct_change_timeout\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("C14b", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r2 = 1000\n"
     "    call bpf_ct_set_timeout\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     [("kernel function bpf_ct_set_timeout args#0 expected pointer to STRUCT nf_conn___init "
      "but R1 has a pointer to STRUCT nf_conn")]),
    ("C14c", XDP, True, lookup() + "    r7 = r0\n    r1 = r0\n    r2 = 1000\n    call bpf_ct_change_timeout\n" + EXIT2,
     "reject", ["Possibly NULL pointer passed to trusted arg0"]),
    ("C14d", XDP, True, "    r1 = 0\n    r2 = 1000\n    call bpf_ct_change_status\n" + EXIT2, "reject",
     ["Possibly NULL pointer passed to trusted arg0"]),
    ("C14e", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r2 = r10\n"
     "    call bpf_ct_change_timeout\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["R2 is not a scalar"]),
    ("C14f", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r1 += 8\n    r2 = 1000\n"
     "    call bpf_ct_change_timeout\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     [("kernel function bpf_ct_change_timeout args#0 expected pointer to STRUCT nf_conn "
      "but R1 has a pointer to STRUCT nf_conn")]),
    ("C16", XDP, True, lookup() + "    r7 = r0\n" + lookup_args() + "    call bpf_xdp_ct_lookup\n    r8 = r0\n" + EXIT2,
     "reject", ["Unreleased reference id=2 alloc_insn=18", "Unreleased reference id=4 alloc_insn=27", LEAK]),
    ("C16b", XDP, True, lookup() + "    r7 = r0\n" + lookup_args() + "    call bpf_xdp_ct_lookup\n    r8 = r0\n"
     "    if r8 == 0 goto out\n    r1 = r8\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["Unreleased reference id=2 alloc_insn=18", LEAK]),
    ("C16c", XDP, True, lookup() + "    r7 = r0\n" + lookup_args() + "    call bpf_xdp_ct_lookup\n    r8 = r0\n"
     "    if r8 == 0 goto a\n    r1 = r8\n    call bpf_ct_release\na:\n    if r7 == 0 goto out\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("C21", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r6\n    r2 = m ll\n    r3 = 0\n"
     "    call bpf_tail_call\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["Unreleased reference id=2 alloc_insn=18", "tail_call would lead to reference leak"]),
    ("D1", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 128)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D2", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u32 *)(r7 + 168)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D3", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 168)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["access beyond the end of member mark (mend:172) in struct nf_conn with off 168 size 8"]),
    ("D3b", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u16 *)(r7 + 128)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D3c", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 4)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["access beyond struct spinlock at off 0 size 8"]),
    ("D3d", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u32 *)(r7 + 160)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["cannot access ptr member master with moff 160 in struct nf_conn with off 160 size 4"]),
    ("D3e", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 156)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["access beyond struct hlist_node at off 12 size 8"]),
    ("D4", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u32 *)(r7 + 248)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["access beyond struct nf_conn at off 248 size 4"]),
    ("D4b", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 244)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["access beyond struct nf_conn at off 244 size 8"]),
    ("D5", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u32 *)(r7 - 8)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["R7 is ptr_nf_conn invalid negative access: off=-8"]),
    ("D6", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r3 = *(u32 *)(r6 + 16)\n    r3 &= 7\n"
     "    r7 += r3\n    r2 = *(u32 *)(r7 + 0)\n    r1 = r0\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["R7 is ptr_nf_conn invalid variable offset: off=0, var_off=(0x0; 0x7)"]),
    ("D6b", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r3 = *(u32 *)(r6 + 16)\n    r7 += r3\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["variable ptr_ access var_off=(0x0; 0xffffffff) disallowed"]),
    ("D7", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 160)\n"
     "    r3 = *(u32 *)(r2 + 168)\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D7b", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 176)\n"
     "    r3 = *(u8 *)(r2 + 0)\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D7c", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 136)\n"
     "    r3 = *(u32 *)(r2 + 0)\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D8", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    *(u32 *)(r7 + 168) = 5\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D8b", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 5\n    *(u32 *)(r7 + 168) = r2\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D9", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 5\n    *(u64 *)(r7 + 128) = r2\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["no write support to nf_conn at off 128"]),
    ("D10", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 5\n    *(u64 *)(r7 + 168) = r2\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["write access at off 168 with size 8 beyond the member of nf_conn ended at 172"]),
    ("D10b", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 5\n    *(u16 *)(r7 + 168) = r2\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D10c", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 5\n    *(u32 *)(r7 + 172) = r2\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["no write support to nf_conn at off 172"]),
    ("D10d", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 5\n    *(u32 *)(r7 + 8) = r2\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["no write support to nf_conn at off 8"]),
    ("D12", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 1\n    lock *(u32 *)(r7 + 168) += w2\n"
     "    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("D13", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = r7\n    r2 += 168\n"
     "    r3 = *(u32 *)(r2 + 0)\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("E0", XDP, True, lookup("bpf_xdp_ct_alloc") + EXIT2, "reject", ["Unreleased reference id=2 alloc_insn=18", LEAK]),
    ("E1", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r2 = 10000\n"
     "    call bpf_ct_set_timeout\n    r1 = r7\n    call bpf_ct_insert_entry\n    if r0 == 0 goto out\n    r1 = r0\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("E2b", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r1 = r0\n"
     "    call bpf_ct_insert_entry\n    r1 = r0\n    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["Possibly NULL pointer passed to trusted arg0"]),
    ("E3", XDP, True, lookup("bpf_xdp_ct_alloc") + RELEASE_OK, "reject",
     [("kernel function bpf_ct_release args#0 expected pointer to STRUCT nf_conn "
      "but R1 has a pointer to STRUCT nf_conn___init")]),
    ("E4", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n"
     "    call bpf_ct_insert_entry\n    if r0 == 0 goto out\n    r1 = r0\n    call bpf_ct_release\n"
     "    r2 = *(u32 *)(r7 + 168)\nout:\n" + EXIT2, "reject", ["R7 invalid mem access 'scalar'"]),
    ("E4b", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n"
     "    call bpf_ct_insert_entry\n    r1 = r7\n    call bpf_ct_insert_entry\nout:\n" + EXIT2, "reject",
     [NEST, "arg#0 pointer type STRUCT nf_conn___init must point to scalar, or struct with scalar"]),
    ("E5", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r2 = 0\n"
     "    call bpf_ct_set_status\nout:\n" + EXIT2, "reject",
     [("kernel function bpf_ct_set_status args#0 expected pointer to STRUCT nf_conn___init "
      "but R1 has a pointer to STRUCT nf_conn")]),
    ("E6", XDP, True, lookup() + "    if r0 == 0 goto out\n    r1 = r0\n    call bpf_ct_insert_entry\nout:\n" + EXIT2,
     "reject", [("kernel function bpf_ct_insert_entry args#0 expected pointer to STRUCT nf_conn___init "
                "but R1 has a pointer to STRUCT nf_conn")]),
    ("E7b", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r7 = r0\n"
     "    *(u64 *)(r10 - 80) = 0\n    r1 = r0\n    r2 = r10\n    r2 += -8\n    r3 = 80\n    r4 = 0\n"
     "    call bpf_ct_set_nat_info\nout:\n" + EXIT2, "reject", ["invalid read from stack R2 off=-8 size=16"]),
    ("E7c", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r2 = 0\n"
     "    r3 = 80\n    r4 = 0\n    call bpf_ct_set_nat_info\nout:\n" + EXIT2, "reject",
     ["Possibly NULL pointer passed to trusted arg1"]),
    ("E7d", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    *(u64 *)(r10 - 80) = 0\n"
     "    *(u64 *)(r10 - 72) = 0\n    r1 = r0\n    r2 = r10\n    r2 += -80\n    r3 = 80\n    r4 = 0\n"
     "    call bpf_ct_set_nat_info\nout:\n" + EXIT2, "reject",
     [("kernel function bpf_ct_set_nat_info args#0 expected pointer to STRUCT nf_conn___init "
      "but R1 has a pointer to STRUCT nf_conn")]),
    ("E8c", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r1 = r0\n"
     "    *(u64 *)(r0 + 128) = 7\nout:\n" + EXIT2, "reject", ["no write support to nf_conn at off 128"]),
    ("E10", XDP, True, lookup("bpf_xdp_ct_alloc") + "    r7 = r0\n    r1 = r0\n    r2 = 10000\n"
     "    call bpf_ct_set_timeout\n" + EXIT2, "reject", ["Possibly NULL pointer passed to trusted arg0"]),
    ("E11", XDP, True, lookup("bpf_xdp_ct_alloc") + "    if r0 == 0 goto out\n    r1 = r0\n    r1 += 8\n"
     "    call bpf_ct_insert_entry\nout:\n" + EXIT2, "reject",
     ["R1 must have zero offset when passed to release func or trusted arg to kfunc"]),
    ("E9", TC, True, lookup("bpf_skb_ct_alloc") + "    if r0 == 0 goto out\n    r1 = r0\n"
     "    call bpf_ct_insert_entry\n    if r0 == 0 goto out\n    r1 = r0\n    call bpf_ct_release\nout:\n" + EXIT2,
     "accept", []),
    ("G1", XDP, True, lookup() + "    if r0 != 0 goto out\n    r1 = r0\n    call bpf_ct_release\nout:\n" + EXIT2,
     "reject", ["Possibly NULL pointer passed to trusted arg0"]),
    ("G2", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = *(u64 *)(r0 + 160)\n    r2 = 5\n"
     "    call bpf_ct_change_timeout\nout:\n" + EXIT2, "reject", ["R1 must be referenced or trusted"]),
    ("G3", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = *(u64 *)(r0 + 176)\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject", ["R1 must be referenced or trusted"]),
    ("G4", XDP, True, "    call bpf_get_prandom_u32\n    call bpf_ct_release\n" + EXIT2, "reject",
     [NEST, NF_CONN_NOT_SCALAR]),
    ("G5", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    call bpf_get_prandom_u32\n"
     "    r1 = r7\n    call bpf_ct_change_timeout\nout:\n" + EXIT2, "reject", ["R2 is not a scalar"]),
    ("G6b", XDP, True, "    r6 = r1\n    r7 = 5\n    r8 = r7\n" + TUPLE_OPTS.replace("    r6 = r1\n", "")
     + lookup_args() + "    call bpf_xdp_ct_lookup\n" + EXIT2, "reject",
     ["Unreleased reference id=2 alloc_insn=20", LEAK]),
    ("G6e", XDP, True, lookup() + RELEASE_OK.replace("out:\n    r0 = 2\n    exit\n", "out:\n") + lookup_args()
     + "    call bpf_xdp_ct_lookup\n" + EXIT2, "reject", ["Unreleased reference id=4 alloc_insn=29", LEAK]),
    ("G9", XDP, True, lookup() + EXIT2, "reject", ["Unreleased reference id=2 alloc_insn=18", LEAK]),
    ("J1", XDP, True, lookup() + "    r7 = r0\n" + lookup_args() + "    call bpf_xdp_ct_lookup\n    r8 = r0\n"
     + lookup_args() + "    call bpf_xdp_ct_lookup\n    r9 = r0\n    if r7 == 0 goto out\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["Unreleased reference id=4 alloc_insn=27", "Unreleased reference id=6 alloc_insn=36", LEAK]),
    ("J2", XDP, True, lookup() + "    if r0 == 0 goto out\n    r1 = r0\n    call bpf_ct_release\n    exit\nout:\n"
     + EXIT2, "reject", ["R0 !read_ok"]),
    ("L1", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r8 = *(u64 *)(r7 + 160)\n    r1 = r7\n"
     "    call bpf_ct_release\n    if r8 == 0 goto out\n    r2 = *(u32 *)(r8 + 168)\nout:\n" + EXIT2, "accept", []),
    ("L4", XDP, True, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r1 = r0\n    r1 += 8\n    r1 += -8\n"
     "    r2 = 5\n    call bpf_ct_change_timeout\n    r1 = r7\n    call bpf_ct_release\nout:\n" + EXIT2, "accept", []),
    ("P0", XDP, False, lookup() + RELEASE_OK, "accept", []),
    ("P2", XDP, False, "    r6 = r1\n    *(u64 *)(r10 - 64) = 0\n    *(u64 *)(r10 - 56) = 0\n" + lookup_args()
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject",
     ["invalid read from stack R2 off -48+0 size 12", PAIR12]),
    ("P2b", XDP, False, "    r6 = r1\n    *(u64 *)(r10 - 48) = 0\n    *(u64 *)(r10 - 64) = 0\n"
     "    *(u64 *)(r10 - 56) = 0\n" + lookup_args() + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject",
     ["invalid read from stack R2 off -48+8 size 12", PAIR12]),
    ("P2c", XDP, False, "    r6 = r1\n    *(u64 *)(r10 - 48) = 0\n    *(u64 *)(r10 - 40) = 0\n" + lookup_args()
     + "    call bpf_xdp_ct_lookup\n" + RELEASE_OK, "reject", ["invalid read from stack R4 off=-64 size=12", PAIR34]),
    ("P6", XDP, False, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = *(u64 *)(r7 + 128)\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["'struct nf_conn' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN"]),
    ("P9", TC, False, lookup("bpf_skb_ct_lookup") + RELEASE_OK, "accept", []),
    ("P10", XDP, False, lookup() + "    if r0 == 0 goto out\n    r7 = r0\n    *(u32 *)(r7 + 168) = 1\n    r1 = r7\n"
     "    call bpf_ct_release\nout:\n" + EXIT2, "reject",
     ["'struct nf_conn' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN"]),
    ("P7", XDP, False, lookup() + "    if r0 == 0 goto out\n    r1 = r0\n    r1 += 8\n    call bpf_ct_release\nout:\n"
     + EXIT2, "reject", ["R1 must have zero offset when passed to release func or trusted arg to kfunc"]),
]


def _program(sid: str, ptype: int, text: str):  # type: ignore[no-untyped-def]
    p = asm(text, ptype, maps=(MAP,) if " ll" in text else ())
    if "-> bpf_ctx_init" in text:  # a FUNC no kfunc set contains: the assembler (rightly) knows no such kfunc
        from verifier_model.btf import Kind, kernel_btf

        func = kernel_btf().find("bpf_ctx_init", Kind.FUNC)
        assert func is not None
        p = replace(p, insns=tuple(replace(i, imm=func.id, sym="bpf_ctx_init") if getattr(i, "sym", None)
                                   == "bpf_ct_release" else i for i in p.insns))
    return p


@pytest.mark.parametrize("sid,ptype,priv,text,verdict,lines", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_model_matches_live_log(sid: str, ptype: int, priv: bool, text: str, verdict: str,
                                lines: list[str]) -> None:
    # the logs are of the first 6.18.44 build: profile 6.18-orig (docs/PROFILES.md)
    assert model_run(_program(sid, ptype, text), privileged=priv, profile="6.18-orig") == (verdict, lines)


@pytest.mark.kernel
@pytest.mark.parametrize("sid,ptype,priv,text,verdict,lines", SCENARIOS, ids=[s[0] for s in SCENARIOS])
def test_scenario_still_matches_kernel(sid: str, ptype: int, priv: bool, text: str, verdict: str,
                                       lines: list[str]) -> None:
    if not kernel_available():
        pytest.skip("bpf(BPF_PROG_LOAD) is not usable here")
    prog = _program(sid, ptype, text)
    if running_the_logs_build():
        assert kernel_run(prog, privileged=priv) == (verdict, lines)
    else:  # another build (ours since 2026-12): the kernel must agree with the model of that build
        assert kernel_run(prog, privileged=priv) == model_run(prog, privileged=priv, profile="6.18")


def test_load_time_non_gpl() -> None:  # A3
    p = asm(lookup() + RELEASE_OK, XDP, license="Proprietary")
    assert model_run(p) == ("reject", ["cannot call kernel function from non-GPL compatible program"])


@pytest.mark.parametrize("imm", [12345678, 37124])  # A6 (no such type), A7 (struct nf_conn's id)
def test_load_time_btf_id_is_not_a_function(imm: int) -> None:
    from dataclasses import replace

    p = asm(lookup() + RELEASE_OK, XDP)
    insns = list(p.insns)
    insns[18] = replace(insns[18], imm=imm, sym=None)
    assert model_run(replace(p, insns=tuple(insns))) == ("reject", [f"kernel btf_id {imm} is not a function"])
