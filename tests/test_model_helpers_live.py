"""Helper-call rules checked against the live kernel (model via the small test driver vs
bpf(BPF_PROG_LOAD)); verdict and error lines must agree."""
from __future__ import annotations

import pytest
from test_model_mem_driver import (
    JEQ,
    JGT,
    add,
    and_,
    call,
    exit_,
    jmp,
    jmpr,
    kernel_run,
    ldabs,
    ldmap,
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

XDP, TC, SOCK, CGSKB = ProgType.XDP, ProgType.SCHED_CLS, ProgType.SOCKET_FILTER, ProgType.CGROUP_SKB
HASH = MapDef("h", map_type=1, key_size=4, value_size=8, max_entries=4)
HASH64 = MapDef("h64", map_type=1, key_size=4, value_size=64, max_entries=4)
ARRAY = MapDef("a", map_type=2, key_size=4, value_size=16, max_entries=4)
PROGS = MapDef("jt", map_type=3, key_size=4, value_size=4, max_entries=4)
PERF = MapDef("perf", map_type=4, key_size=4, value_size=4, max_entries=4)
DEVMAP = MapDef("dev", map_type=14, key_size=4, value_size=4, max_entries=4)
RINGBUF = MapDef("rb", map_type=27, key_size=0, value_size=0, max_entries=4096)

KEY = st(4, 10, -4, 0) + movr(2, 10) + add(2, -4)
# bpf_sk_lookup_tcp(ctx, fp-16 (12 bytes), 12, -1, 0)
TUPLE = st(8, 10, -16, 0) + st(8, 10, -8, 0)
SK_LOOKUP = TUPLE + movr(2, 10) + add(2, -16) + mov(3, 12) + mov(4, -1) + mov(5, 0) + call(84)
PKT = ldx(4, 2, 1, 0) + ldx(4, 3, 1, 4)
PKT_TC = ldx(4, 2, 1, 76) + ldx(4, 3, 1, 80)

CASES: dict[str, tuple] = {
    "unknown_helper": (call(100000) + ret0(), XDP),
    "helper_212": (call(212) + ret0(), XDP),
    "helper_not_allowed": (call(26) + ret0(), XDP),
    "trace_printk_unpriv": (call(6) + ret0(), XDP, (), False),
    "gpl_only_non_gpl": (st(8, 10, -8, 0) + movr(1, 10) + add(1, -8) + mov(2, 8) + call(6) + ret0(), XDP, (), True,
                         "Proprietary"),
    "lookup_r1_scalar": (mov(1, 0) + call(1) + ret0(), XDP),
    "lookup_r1_ctx": (call(1) + ret0(), XDP),
    "lookup_r2_uninit": (ldmap(1) + call(1) + ret0(), XDP, (HASH,)),
    "lookup_r2_scalar": (ldmap(1) + mov(2, 0) + call(1) + ret0(), XDP, (HASH,)),
    "lookup_key_uninit_priv": (ldmap(1) + movr(2, 10) + add(2, -4) + call(1) + ret0(), XDP, (HASH,)),
    "lookup_key_uninit_unpriv": (ldmap(1) + movr(2, 10) + add(2, -4) + call(1) + ret0(), XDP, (HASH,), False),
    "lookup_key_partial_unpriv": (st(2, 10, -4, 0) + ldmap(1) + movr(2, 10) + add(2, -4) + call(1) + ret0(), XDP,
                                  (HASH,), False),
    "lookup_key_past_fp": (ldmap(1) + movr(2, 10) + add(2, -2) + call(1) + ret0(), XDP, (HASH,)),
    "lookup_key_pkt_unchecked": (PKT + ldmap(1) + call(1) + ret0(), XDP, (HASH,)),
    "lookup_key_pkt_checked": (PKT + movr(4, 2) + add(4, 4) + jmpr(JGT, 4, 3, 5) + ldmap(1) + call(1) + ret0()
                               + ret0(), XDP, (HASH,)),
    "lookup_ok": (KEY + ldmap(1) + call(1) + ret0(), XDP, (HASH,)),
    "lookup_value_deref_unchecked": (KEY + ldmap(1) + call(1) + ldx(8, 0, 0, 0) + exit_(), XDP, (HASH,)),
    "lookup_array_const_key": (KEY + ldmap(1) + call(1) + ldx(8, 0, 0, 8) + exit_(), XDP, (ARRAY,)),
    "lookup_key_ctx_plus": (movr(2, 1) + add(2, 4) + ldmap(1) + call(1) + ret0(), XDP, (HASH,)),
    "update_value_uninit_unpriv": (KEY + ldmap(1) + movr(3, 10) + add(3, -16) + mov(4, 0) + call(2) + ret0(), XDP,
                                   (HASH,), False),
    "update_value_ok": (KEY + st(8, 10, -16, 0) + ldmap(1) + movr(3, 10) + add(3, -16) + mov(4, 0) + call(2)
                        + ret0(), XDP, (HASH,)),
    "update_value_too_big": (KEY + ldmap(1) + movr(3, 10) + add(3, -8) + mov(4, 0) + call(2) + ret0(), XDP,
                             (HASH64,)),
    "update_flags_ptr_unpriv": (KEY + st(8, 10, -16, 0) + ldmap(1) + movr(3, 10) + add(3, -16) + movr(4, 10)
                                + call(2) + ret0(), XDP, (HASH,), False),
    "delete_ok": (KEY + ldmap(1) + call(3) + exit_(), XDP, (HASH,)),
    "prandom_clobbers_r1": (call(7) + movr(0, 1) + exit_(), XDP),
    "redirect_map_hash": (ldmap(1) + mov(2, 0) + mov(3, 0) + call(51) + exit_(), XDP, (HASH,)),
    "redirect_map_devmap": (ldmap(1) + mov(2, 0) + mov(3, 0) + call(51) + exit_(), XDP, (DEVMAP,)),
    "lookup_prog_array": (KEY + ldmap(1) + call(1) + ret0(), XDP, (PROGS,)),
    "tail_call_ok": (ldmap(2) + mov(3, 0) + call(12) + ret0(), XDP, (PROGS,)),
    "tail_call_hash": (ldmap(2) + mov(3, 0) + call(12) + ret0(), XDP, (HASH,)),
    "tail_call_no_map": (mov(2, 0) + mov(3, 0) + call(12) + ret0(), XDP),
    "perf_output_hash": (st(8, 10, -8, 0) + ldmap(2) + mov(3, 0) + movr(4, 10) + add(4, -8) + mov(5, 8) + call(25)
                         + ret0(), XDP, (HASH,)),
    "perf_output_ok": (st(8, 10, -8, 0) + ldmap(2) + mov(3, 0) + movr(4, 10) + add(4, -8) + mov(5, 8) + call(25)
                       + ret0(), XDP, (PERF,)),
    "adjust_head_ctx_modified": (add(1, 4) + mov(2, 0) + call(44) + ret0(), XDP),
    "adjust_head_scalar_ctx": (mov(1, 0) + mov(2, 0) + call(44) + ret0(), XDP),
    "adjust_head_invalidates": (PKT + movr(6, 2) + movr(7, 3) + mov(2, 0) + call(44) + ldx(1, 0, 6, 0) + exit_(),
                                XDP),
    "adjust_head_invalidates_unpriv": (PKT + movr(6, 2) + movr(7, 3) + mov(2, 0) + call(44) + ldx(1, 0, 6, 0)
                                       + exit_(), XDP, (), False),
    "trace_printk_zero": (st(8, 10, -8, 0) + movr(1, 10) + add(1, -8) + mov(2, 0) + call(6) + ret0(), XDP),
    "trace_printk_neg": (st(8, 10, -8, 0) + movr(1, 10) + add(1, -8) + mov(2, -1) + call(6) + ret0(), XDP),
    "trace_printk_unbounded": (st(8, 10, -8, 0) + ldx(4, 2, 1, 12) + movr(1, 10) + add(1, -8) + call(6) + ret0(),
                               XDP),
    "trace_printk_bounded": (st(8, 10, -8, 0) + ldx(4, 2, 1, 12) + and_(2, 7) + movr(1, 10) + add(1, -8) + call(6)
                             + ret0(), XDP),
    "trace_printk_bounded_oob": (st(8, 10, -8, 0) + ldx(4, 2, 1, 12) + and_(2, 15) + movr(1, 10) + add(1, -8)
                                 + call(6) + ret0(), XDP),
    "trace_printk_size_ptr": (st(8, 10, -8, 0) + movr(1, 10) + add(1, -8) + movr(2, 10) + call(6) + ret0(), XDP),
    "trace_printk_ctx": (mov(2, 4) + call(6) + ret0(), XDP),
    "trace_printk_pkt": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 5) + movr(1, 2) + mov(2, 8) + call(6)
                         + ret0() + ret0(), XDP),
    "trace_printk_map_or_null": (KEY + ldmap(1) + call(1) + movr(1, 0) + mov(2, 8) + call(6) + ret0(), XDP, (HASH,)),
    "csum_diff_nulls": (mov(1, 0) + mov(2, 0) + mov(3, 0) + mov(4, 0) + mov(5, 0) + call(28) + exit_(), XDP),
    "csum_diff_null_size4": (mov(1, 0) + mov(2, 4) + mov(3, 0) + mov(4, 0) + mov(5, 0) + call(28) + exit_(), XDP),
    "csum_diff_pkt": (PKT + movr(4, 2) + add(4, 8) + jmpr(JGT, 4, 3, 7) + movr(1, 2) + mov(2, 8) + mov(3, 0)
                      + mov(4, 0) + mov(5, 0) + call(28) + exit_() + ret0(), XDP),
    "skb_load_bytes_raw": (movr(6, 1) + movr(1, 6) + mov(2, 0) + movr(3, 10) + add(3, -16) + mov(4, 16) + call(26)
                           + ldx(8, 0, 10, -16) + exit_(), TC, (), False),
    "skb_load_bytes_raw_oob": (mov(2, 0) + movr(3, 10) + add(3, -8) + mov(4, 16) + call(26) + ret0(), TC),
    "skb_load_bytes_unpriv_spilled_ptr": (stx(8, 10, 1, -8) + mov(2, 0) + movr(3, 10) + add(3, -8) + mov(4, 8)
                                          + call(26) + ret0(), TC, (), False),
    "skb_load_bytes_spilled_ptr": (stx(8, 10, 1, -8) + mov(2, 0) + movr(3, 10) + add(3, -8) + mov(4, 8)
                                   + call(26) + ldx(8, 1, 10, -8) + ldx(4, 0, 1, 0) + exit_(), TC),
    "skb_store_bytes_invalidates": (PKT_TC + movr(6, 2) + st(8, 10, -8, 0) + mov(2, 0) + movr(3, 10) + add(3, -8)
                                    + mov(4, 8) + mov(5, 0) + call(9) + ldx(1, 0, 6, 0) + exit_(), TC),
    "pull_data_invalidates_spill": (PKT_TC + stx(8, 10, 2, -8) + mov(2, 0) + call(39) + ldx(8, 2, 10, -8)
                                    + ldx(1, 0, 2, 0) + exit_(), TC),
    "sk_lookup_leak": (SK_LOOKUP + ret0(), TC),
    "sk_lookup_release_unchecked": (SK_LOOKUP + movr(1, 0) + call(86) + ret0(), TC),
    "sk_lookup_release_ok": (SK_LOOKUP + jmp(JEQ, 0, 0, 2) + movr(1, 0) + call(86) + ret0(), TC),
    "sk_lookup_use_after_release": (SK_LOOKUP + jmp(JEQ, 0, 0, 4) + movr(6, 0) + movr(1, 0) + call(86)
                                    + ldx(4, 0, 6, 4) + ret0(), TC),
    "sk_lookup_use_after_release_unpriv": (SK_LOOKUP + jmp(JEQ, 0, 0, 4) + movr(6, 0) + movr(1, 0) + call(86)
                                           + ldx(4, 0, 6, 4) + ret0(), TC, (), False),
    "sk_release_scalar": (mov(1, 0) + call(86) + ret0(), TC),
    "sk_release_ctx": (call(86) + ret0(), TC),
    "sk_release_not_referenced": (ldx(8, 1, 1, 168) + jmp(JEQ, 1, 0, 1) + call(86) + ret0(), TC),
    "sk_lookup_xdp_leak_two": (SK_LOOKUP + movr(6, 0) + SK_LOOKUP + ret0(), XDP),
    "sk_lookup_tuple_short": (st(8, 10, -8, 0) + movr(2, 10) + add(2, -8) + mov(3, 12) + mov(4, -1) + mov(5, 0)
                              + call(84) + ret0(), TC),
    "sk_lookup_tuple_ptr_size": (TUPLE + movr(2, 10) + add(2, -16) + movr(3, 10) + mov(4, -1) + mov(5, 0)
                                 + call(84) + ret0(), TC),
    "sk_lookup_sock_read": (SK_LOOKUP + jmp(JEQ, 0, 0, 4) + movr(6, 0) + ldx(4, 7, 6, 4) + movr(1, 6) + call(86)
                            + ret0(), TC),
    "sk_lookup_sock_write": (SK_LOOKUP + jmp(JEQ, 0, 0, 4) + movr(6, 0) + st(4, 6, 4, 0) + movr(1, 6) + call(86)
                             + ret0(), TC),
    "tail_call_ref_held": (SK_LOOKUP + movr(6, 0) + movr(1, 0) + ldmap(2) + mov(3, 0) + call(12) + ret0(), TC,
                           (PROGS,)),
    "ld_abs_ref_held": (SK_LOOKUP + movr(7, 0) + ldabs(4, 0) + ret0(), TC),
    "skc_lookup_read_type": (SK_LOOKUP[:-8] + call(99) + jmp(JEQ, 0, 0, 4) + movr(6, 0) + ldx(4, 7, 6, 8)
                             + movr(1, 6) + call(86) + ret0(), TC),
    "sk_release_twice_priv": (SK_LOOKUP + jmp(JEQ, 0, 0, 5) + movr(6, 0) + movr(1, 0) + call(86) + movr(1, 6)
                              + call(86) + ret0(), TC),
    # id numbering: a spilled non-constant scalar takes an id (G6d), a constant does not
    "id_after_scalar_spill": (ldx(4, 7, 1, 16) + stx(8, 10, 7, -72) + SK_LOOKUP + ret0(), TC),
    "id_after_const_spill": (mov(7, 5) + stx(8, 10, 7, -72) + SK_LOOKUP + ret0(), TC),
    "id_after_narrow_spill": (ldx(4, 7, 1, 16) + stx(1, 10, 7, -72) + SK_LOOKUP + ret0(), TC),
    "id_after_scalar_fill": (ldx(4, 7, 1, 16) + stx(8, 10, 7, -72) + ldx(8, 8, 10, -72) + SK_LOOKUP + ret0(), TC),
    "id_after_array_lookup": (KEY + ldmap(1) + call(1) + SK_LOOKUP + ret0(), TC, (ARRAY,)),
    "id_after_hash_lookup": (KEY + ldmap(1) + call(1) + SK_LOOKUP + ret0(), TC, (HASH,)),
    "id_after_sk_read": (ldx(8, 7, 1, 168) + SK_LOOKUP + ret0(), TC),
    "ringbuf_output_ok": (st(8, 10, -8, 0) + ldmap(1) + movr(2, 10) + add(2, -8) + mov(3, 8) + mov(4, 0)
                          + call(130) + exit_(), XDP, (RINGBUF,)),
    "ringbuf_output_hash": (st(8, 10, -8, 0) + ldmap(1) + movr(2, 10) + add(2, -8) + mov(3, 8) + mov(4, 0)
                            + call(130) + exit_(), XDP, (HASH,)),
    "vlan_pop_invalidates": (PKT_TC + movr(6, 2) + call(19) + ldx(1, 0, 6, 0) + exit_(), TC),
    "load_bytes_relative": (mov(2, 0) + movr(3, 10) + add(3, -8) + mov(4, 8) + mov(5, 0) + call(68)
                            + ldx(8, 0, 10, -8) + exit_(), TC, (), False),
    "loop_leaks_addr_unpriv": (call(181) + ret0(), XDP, (), False),
    "cgskb_skb_load_bytes": (mov(2, 0) + movr(3, 10) + add(3, -8) + mov(4, 8) + call(26) + ldx(8, 0, 10, -8)
                             + ret0(), CGSKB),
    "sock_pkt_helper": (mov(2, 0) + movr(3, 10) + add(3, -8) + mov(4, 8) + call(26) + ret0(), SOCK),
    "helper_r1_leak_unpriv": (movr(1, 10) + mov(2, 0) + call(23) + exit_(), XDP, (), False),
}


@pytest.mark.parametrize("name", sorted(CASES))
def test_helper_rule_matches_kernel(name: str) -> None:
    code, pt, *rest = CASES[name]
    maps = rest[0] if rest else ()
    privileged = rest[1] if len(rest) > 1 else True
    license = rest[2] if len(rest) > 2 else "GPL"
    prog = program(code, pt, maps, license)
    kernel = kernel_run(prog, privileged=privileged)
    model = model_run(prog, privileged=privileged)
    assert model == kernel
