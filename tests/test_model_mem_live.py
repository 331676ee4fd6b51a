"""Memory-access rules checked against the live kernel: each program runs through the model (with
the small test driver) and through bpf(BPF_PROG_LOAD); verdict and error lines must agree."""
from __future__ import annotations

import pytest
from test_model_mem_driver import (
    JEQ,
    JGE,
    JGT,
    JLE,
    JLT,
    add,
    addr,
    and_,
    atomic,
    call,
    exit_,
    jmp,
    jmpr,
    kernel_run,
    ldabs,
    ldind,
    ldmap,
    ldsx,
    ldx,
    model_run,
    mov,
    movr,
    program,
    ret0,
    st,
    stx,
)

from verifier_model.isa.opcodes import ProgType
from verifier_model.program import MapDef

XDP, TC, SOCK, CGSKB, ACT = ProgType.XDP, ProgType.SCHED_CLS, ProgType.SOCKET_FILTER, ProgType.CGROUP_SKB, ProgType.SCHED_ACT
HASH = MapDef("h", map_type=1, key_size=4, value_size=8, max_entries=4)
HASH64 = MapDef("h64", map_type=1, key_size=4, value_size=64, max_entries=4)
ARRAY = MapDef("a", map_type=2, key_size=4, value_size=16, max_entries=4)

# r2 = data, r3 = data_end (xdp)
PKT = ldx(4, 2, 1, 0) + ldx(4, 3, 1, 4)
LOOKUP = st(4, 10, -4, 0) + ldmap(1) + movr(2, 10) + add(2, -4) + call(1)

CASES: dict[str, tuple] = {
    # ctx
    "xdp_read_data_end": (ldx(4, 0, 1, 4) + ret0(), XDP),
    "xdp_read_bad_off": (ldx(4, 0, 1, 100) + exit_(), XDP),
    "xdp_read_off_24": (ldx(4, 0, 1, 24) + exit_(), XDP),
    "xdp_narrow_read": (ldx(2, 0, 1, 12) + exit_(), XDP),
    "xdp_write_ro": (st(4, 1, 0, 0) + ret0(), XDP),
    "xdp_egress_ifindex": (ldx(4, 0, 1, 20) + exit_(), XDP),
    "xdp_8byte_data": (ldx(8, 0, 1, 0) + exit_(), XDP),
    "ctx_modified": (add(1, 4) + ldx(4, 0, 1, 0) + exit_(), XDP),
    "ctx_negative": (add(1, -4) + ldx(4, 0, 1, 4) + exit_(), XDP),
    "tc_read_len": (ldx(4, 0, 1, 0) + exit_(), TC),
    "tc_narrow_len": (ldx(1, 0, 1, 3) + exit_(), TC),
    "tc_read_len_8": (ldx(8, 0, 1, 0) + exit_(), TC),
    "tc_write_mark": (st(4, 1, 8, 1) + ret0(), TC),
    "tc_write_mark_2": (st(2, 1, 8, 1) + ret0(), TC),
    "tc_write_len": (st(4, 1, 0, 1) + ret0(), TC),
    "tc_write_cb8": (st(8, 1, 48, 1) + ret0(), TC),
    "tc_read_cb_oob": (ldx(8, 0, 1, 64) + exit_(), TC),
    "tc_read_family": (ldx(4, 0, 1, 88) + exit_(), TC),
    "tc_read_data_narrow": (ldx(2, 0, 1, 76) + exit_(), TC),
    "tc_read_flow_keys": (ldx(8, 0, 1, 144) + exit_(), TC),
    "tc_read_tstamp": (ldx(8, 0, 1, 152) + exit_(), TC),
    "tc_read_tstamp4": (ldx(4, 0, 1, 152) + exit_(), TC),
    "tc_read_sk_4": (ldx(4, 0, 1, 172) + exit_(), TC),
    "tc_read_tstamp_type": (ldx(1, 0, 1, 180) + exit_(), TC),
    "tc_read_pad": (ldx(1, 0, 1, 181) + exit_(), TC),
    "tc_read_off_192": (ldx(4, 0, 1, 192) + exit_(), TC),
    "tc_read_hwtstamp_w": (st(8, 1, 184, 0) + ret0(), TC),
    "tc_read_sk_deref": (ldx(8, 2, 1, 168) + ldx(4, 0, 2, 4) + exit_(), TC),
    "tc_read_sk_checked": (ldx(8, 2, 1, 168) + jmp(JEQ, 2, 0, 2) + ldx(4, 0, 2, 4) + exit_() + ret0(), TC),
    "tc_read_sk_type": (ldx(8, 2, 1, 168) + jmp(JEQ, 2, 0, 2) + ldx(4, 0, 2, 8) + exit_() + ret0(), TC),
    "sock_read_data": (ldx(4, 0, 1, 76) + exit_(), SOCK),
    "sock_write_mark": (st(4, 1, 8, 0) + ret0(), SOCK),
    "sock_write_cb": (st(4, 1, 52, 0) + ret0(), SOCK),
    "cgskb_read_data": (ldx(4, 2, 1, 76) + ldx(4, 3, 1, 80) + ret0(), CGSKB),
    "cgskb_write_prio": (st(4, 1, 32, 0) + ret0(), CGSKB),
    "cgskb_read_meta": (ldx(4, 0, 1, 140) + exit_(), CGSKB),
    "ctx_ptr_leak_unpriv": (stx(8, 1, 1, 48) + ret0(), TC, (), False),
    # stack
    "stack_write_oob": (st(8, 10, -520, 0) + ret0(), XDP),
    "stack_write_pos": (st(8, 10, 8, 0) + ret0(), XDP),
    "stack_read_oob": (ldx(8, 0, 10, -520) + exit_(), XDP),
    "stack_uninit_priv": (ldx(8, 0, 10, -8) + exit_(), XDP),
    "stack_uninit_unpriv": (ldx(8, 0, 10, -8) + exit_(), XDP, (), False),
    "stack_partial_unpriv": (st(4, 10, -8, 0) + ldx(8, 0, 10, -8) + exit_(), XDP, (), False),
    "stack_partial_unpriv2": (st(4, 10, -4, 0) + ldx(8, 0, 10, -8) + exit_(), XDP, (), False),
    "stack_misaligned": (movr(0, 1) + stx(8, 10, 0, -70) + ret0(), XDP),
    "stack_misaligned_4": (st(4, 10, -6, 0) + ret0(), XDP),
    "stack_spill_ptr_narrow": (stx(4, 10, 1, -8) + ret0(), XDP),
    "stack_spill_fill_ctx": (stx(8, 10, 1, -8) + ldx(8, 2, 10, -8) + ldx(4, 0, 2, 4) + exit_(), XDP),
    "stack_fill_narrow_ptr": (stx(8, 10, 1, -8) + ldx(4, 0, 10, -8) + exit_(), XDP),
    "stack_corrupt_ptr_priv": (stx(8, 10, 1, -8) + st(1, 10, -8, 0) + ldx(8, 2, 10, -8) + ldx(4, 0, 2, 0)
                               + exit_(), XDP),
    "stack_corrupt_ptr_unpriv": (stx(8, 10, 1, -8) + st(1, 10, -8, 0) + ret0(), XDP, (), False),
    "stack_corrupt_ptr_unpriv2": (stx(8, 10, 1, -8) + st(1, 10, -5, 0) + ret0(), XDP, (), False),
    "stack_spill_const_fill_narrow": (mov(2, 5) + stx(8, 10, 2, -8) + ldx(4, 0, 10, -8) + exit_(), XDP),
    "stack_leak_ptr_unpriv": (stx(8, 10, 1, -8) + ldx(8, 2, 10, -8) + ret0(), XDP, (), False),
    "stack_zero_fill": (st(4, 10, -4, 0) + ldx(4, 0, 10, -4) + jmp(JEQ, 0, 0, 1) + ldx(4, 0, 10, -100) + exit_(), XDP, (), False),
    "stack_var_off_write": (ldx(4, 2, 1, 12) + and_(2, 7) + movr(3, 10) + add(3, -16) + addr(3, 2)
                            + st(1, 3, 0, 0) + ret0(), XDP),
    "stack_var_off_read": (ldx(4, 2, 1, 12) + and_(2, 7) + movr(3, 10) + add(3, -16) + addr(3, 2)
                           + ldx(1, 0, 3, 0) + exit_(), XDP),
    "stack_var_off_oob": (ldx(4, 2, 1, 12) + and_(2, 15) + movr(3, 10) + add(3, -8) + addr(3, 2)
                          + st(1, 3, 0, 0) + ret0(), XDP),
    # value tracking through the stack; an unprivileged uninit read is the tripwire of a wrong path
    "track_st_spill_fill": (st(8, 10, -8, 5) + ldx(8, 0, 10, -8) + jmp(JEQ, 0, 5, 1) + ldx(8, 0, 10, -64)
                            + exit_(), XDP, (), False),
    "track_st_spill_narrow_fill": (st(8, 10, -8, 5) + ldx(4, 0, 10, -8) + jmp(JEQ, 0, 5, 1) + ldx(8, 0, 10, -64)
                                   + exit_(), XDP, (), False),
    "track_st_spill_high_half": (st(8, 10, -8, 5) + ldx(4, 0, 10, -4) + jmp(JEQ, 0, 0, 1) + ldx(8, 0, 10, -64)
                                 + exit_(), XDP, (), False),
    "track_zero_bytes": (st(4, 10, -4, 0) + st(4, 10, -8, 0) + ldx(8, 0, 10, -8) + jmp(JEQ, 0, 0, 1)
                         + ldx(8, 0, 10, -64) + exit_(), XDP, (), False),
    "track_u32_spill_u64_fill": (st(4, 10, -8, 7) + ldx(8, 0, 10, -8) + exit_(), XDP, (), False),
    "track_u32_spill_u64_fill_init": (st(8, 10, -8, 0) + st(4, 10, -8, 7) + ldx(8, 0, 10, -8) + jmp(JEQ, 0, 7, 1)
                                      + ldx(8, 0, 10, -64) + exit_(), XDP, (), False),
    "track_byte_store_on_zero_spill": (st(8, 10, -8, 0) + st(1, 10, -3, 0) + ldx(8, 0, 10, -8) + jmp(JEQ, 0, 0, 1)
                                       + ldx(8, 0, 10, -64) + exit_(), XDP, (), False),
    "track_ldsx_fill": (st(8, 10, -8, 255) + ldsx(1, 0, 10, -8) + jmp(JEQ, 0, -1, 1) + ldx(8, 0, 10, -64)
                        + exit_(), XDP, (), False),
    "track_ctx_spill_partial_read_priv": (stx(8, 10, 1, -8) + ldx(4, 0, 10, -4) + exit_(), XDP),
    # packets
    "pkt_no_check": (ldx(4, 2, 1, 0) + ldx(1, 0, 2, 0) + exit_(), XDP),
    "pkt_off_no_check": (ldx(4, 2, 1, 0) + add(2, 4) + ldx(1, 0, 2, 2) + exit_(), XDP),
    "pkt_checked": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 2) + ldx(8, 0, 2, 0) + exit_() + ret0(), XDP),
    "pkt_checked_oob": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 2) + ldx(8, 0, 2, 1) + exit_() + ret0(), XDP),
    "pkt_checked_jlt": (PKT + movr(4, 2) + add(4, 8) + jmpr(JLT, 4, 3, 2) + ret0() + ldx(8, 0, 2, 0) + exit_(), XDP),
    "pkt_checked_jlt_7": (PKT + movr(4, 2) + add(4, 8) + jmpr(JLT, 4, 3, 2) + ret0() + ldx(4, 0, 2, 4) + exit_(), XDP),
    "pkt_checked_rev_jge": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGE, 3, 4, 2) + ret0() + ldx(8, 0, 2, 0) + exit_(), XDP),
    "pkt_jle_rev_9": (PKT + movr(4, 2) + add(4, 8) + jmpr(JLE, 3, 4, 2) + ldx(1, 0, 2, 9) + exit_() + ret0(), XDP),
    "pkt_jlt_zero_off": (PKT + movr(4, 2) + jmpr(JLT, 4, 3, 2) + ret0() + ldx(1, 0, 2, 0) + exit_(), XDP),
    "pkt_checked_rev_jle": (PKT + movr(4, 2) + add(4, 8) + jmpr(JLE, 3, 4, 2) + ldx(8, 0, 2, 0) + exit_() + ret0(), XDP),
    "pkt_wrong_branch": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 2) + ret0() + ldx(1, 0, 2, 0) + exit_(), XDP),
    "pkt_write_xdp": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 3) + st(4, 2, 0, 1) + ret0() + ret0(), XDP),
    "pkt_write_cgskb": (ldx(4, 2, 1, 76) + ldx(4, 3, 1, 80) + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 3)
                        + st(4, 2, 0, 1) + ret0() + ret0(), CGSKB),
    "pkt_end_deref": (ldx(4, 3, 1, 4) + ldx(1, 0, 3, 0) + exit_(), XDP),
    "pkt_invalidated_by_adjust_head": (PKT + movr(6, 2) + movr(7, 3) + mov(2, 0) + call(44) + movr(4, 6) + add(4, 8)
                                       + jmpr(JGT, 4, 7, 2) + ldx(1, 0, 6, 0) + exit_() + ret0(), XDP),
    "pkt_meta": (ldx(4, 2, 1, 8) + ldx(4, 3, 1, 0) + movr(4, 2) + add(4, 4) + jmpr(JGT, 4, 3, 2)
                 + ldx(4, 0, 2, 0) + exit_() + ret0(), XDP),
    "pkt_var_off": (PKT + ldx(4, 5, 1, 12) + and_(5, 0xff) + addr(2, 5) + movr(4, 2) + add(4, 8)
                    + jmpr(JGT, 4, 3, 2) + ldx(8, 0, 2, 0) + exit_() + ret0(), XDP),
    "pkt_beyond_end": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 2) + ret0() + ldx(1, 0, 4, 0) + exit_(), XDP),
    # maps
    "map_or_null_deref": (LOOKUP + ldx(8, 0, 0, 0) + exit_(), XDP, (HASH,)),
    "map_value_ok": (LOOKUP + jmp(JEQ, 0, 0, 2) + ldx(8, 0, 0, 0) + exit_() + ret0(), XDP, (HASH,)),
    "map_value_oob": (LOOKUP + jmp(JEQ, 0, 0, 2) + ldx(8, 0, 0, 4) + exit_() + ret0(), XDP, (HASH,)),
    "map_value_neg": (LOOKUP + jmp(JEQ, 0, 0, 2) + ldx(8, 0, 0, -8) + exit_() + ret0(), XDP, (HASH,)),
    "map_value_write": (LOOKUP + jmp(JEQ, 0, 0, 3) + st(8, 0, 0, 7) + ret0() + ret0(), XDP, (HASH,)),
    "map_value_leak_unpriv": (LOOKUP + jmp(JEQ, 0, 0, 3) + stx(8, 0, 10, 0) + ret0() + ret0(), XDP, (HASH,), False),
    "map_value_var_off": (LOOKUP + jmp(JEQ, 0, 0, 5) + ldx(4, 2, 1, 12) + and_(2, 63) + addr(0, 2)
                          + ldx(1, 0, 0, 0) + exit_() + ret0(), XDP, (HASH64,)),
    "map_value_var_off_max": (LOOKUP + jmp(JEQ, 0, 0, 5) + ldx(4, 2, 1, 12) + and_(2, 63) + addr(0, 2)
                              + ldx(4, 0, 0, 0) + exit_() + ret0(), XDP, (HASH64,)),
    "map_value_unbounded": (LOOKUP + jmp(JEQ, 0, 0, 4) + ldx(4, 2, 1, 12) + addr(0, 2)
                            + ldx(1, 0, 0, 0) + exit_() + ret0(), XDP, (HASH64,)),
    "array_const_key_not_null": (LOOKUP + ldx(8, 0, 0, 8) + exit_(), XDP, (ARRAY,)),
    "array_key_oob_null": (st(4, 10, -4, 7) + ldmap(1) + movr(2, 10) + add(2, -4) + call(1) + ldx(8, 0, 0, 8) + exit_(),
                           XDP, (ARRAY,)),
    "scalar_deref": (mov(1, 0) + ldx(4, 0, 1, 0) + exit_(), XDP),
    # atomics
    "atomic_stack": (st(8, 10, -8, 0) + mov(1, 1) + atomic(8, 10, 1, -8, 0) + ldx(8, 0, 10, -8) + exit_(), XDP),
    "atomic_fetch_stack": (st(8, 10, -8, 0) + mov(1, 1) + atomic(8, 10, 1, -8, 1) + movr(0, 1) + exit_(), XDP),
    "atomic_cmpxchg": (st(8, 10, -8, 0) + mov(1, 1) + mov(0, 0) + atomic(8, 10, 1, -8, 0xF1) + exit_(), XDP),
    "atomic_ctx": (mov(2, 1) + atomic(4, 1, 2, 0, 0) + ret0(), XDP),
    "atomic_bad_size": (st(8, 10, -8, 0) + mov(1, 1) + atomic(2, 10, 1, -8, 0) + ret0(), XDP),
    "atomic_misaligned": (st(8, 10, -8, 0) + mov(1, 1) + atomic(4, 10, 1, -6, 0) + ret0(), XDP),
    "atomic_map_value": (LOOKUP + jmp(JEQ, 0, 0, 4) + mov(1, 1) + atomic(8, 0, 1, 0, 0) + ret0() + ret0(), XDP, (HASH,)),
    "atomic_map_value_misaligned": (LOOKUP + jmp(JEQ, 0, 0, 4) + mov(1, 1) + atomic(4, 0, 1, 2, 0) + ret0() + ret0(),
                                    XDP, (HASH,)),
    "atomic_uninit_src": (st(8, 10, -8, 0) + atomic(8, 10, 3, -8, 0) + ret0(), XDP),
    "atomic_ptr_src_unpriv": (st(8, 10, -8, 0) + atomic(8, 10, 1, -8, 0) + ret0(), XDP, (), False),
    "load_acquire": (st(8, 10, -8, 0) + atomic(8, 10, 0, -8, 0x100) + exit_(), XDP),
    "load_acquire_ctx": (atomic(4, 0, 1, 0, 0x100) + exit_(), XDP),
    "store_release_ctx": (mov(2, 0) + atomic(4, 1, 2, 0, 0x110) + ret0(), TC),
    # loads
    "ldsx_stack": (st(4, 10, -4, -1) + ldsx(1, 0, 10, -4) + exit_(), XDP),
    # LD_ABS
    "ld_abs_xdp": (movr(6, 1) + ldabs(4, 0) + exit_(), XDP),
    "ld_abs_tc": (movr(6, 1) + ldabs(4, 0) + exit_(), TC),
    "ld_abs_no_r6": (ldabs(4, 0) + exit_(), TC),
    "ld_abs_r6_not_ctx": (mov(6, 0) + ldabs(4, 0) + exit_(), TC),
    "ld_abs_clobbers_r1": (movr(6, 1) + ldabs(2, 0) + movr(0, 1) + exit_(), TC),
    "ld_ind": (movr(6, 1) + mov(7, 4) + ldind(1, 7, 0) + exit_(), SOCK),
    "ld_ind_uninit": (movr(6, 1) + ldind(1, 7, 0) + exit_(), SOCK),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_memory_rule_matches_kernel(name: str) -> None:
    code, pt, *rest = CASES[name]
    maps = rest[0] if rest else ()
    privileged = rest[1] if len(rest) > 1 else True
    prog = program(code, pt, maps)
    kernel = kernel_run(prog, privileged=privileged)
    model = model_run(prog, privileged=privileged)
    assert model == kernel
