"""Reading verifier logs: stats, the error block, the state trace."""
from __future__ import annotations

from verifier_model.kernel.log import error_block, parse_stats, parse_trace

C19_TAIL = """\
0: R1=ctx() R10=fp0
19: (15) if r0 == 0x0 goto pc+5       ; R0=ptr_nf_conn(ref_obj_id=2) refs=2
20: (61) r1 = *(u32 *)(r0 +168)       ; R0=ptr_nf_conn(ref_obj_id=2) R1=scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff)) refs=2
21: (15) if r1 == 0x5 goto pc+2 24: R0=ptr_nf_conn(ref_obj_id=2) R1=5 R6=ctx() R10=fp0 refs=2
24: (b7) r0 = 2                       ; R0=2 refs=2
25: (95) exit
Unreleased reference id=2 alloc_insn=18
BPF_EXIT instruction in main prog would lead to reference leak
processed 28 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
"""


def test_stats_line() -> None:
    stats = parse_stats(C19_TAIL)
    assert stats is not None
    assert (stats.processed, stats.max_states_per_insn, stats.total_states, stats.peak_states,
            stats.mark_read) == (28, 0, 1, 1, 0)
    assert parse_stats("no stats here") is None


def test_error_block_follows_the_last_instruction_line() -> None:
    assert error_block(C19_TAIL) == (25, [
        "Unreleased reference id=2 alloc_insn=18",
        "BPF_EXIT instruction in main prog would lead to reference leak",
    ])


def test_load_time_errors_have_no_instruction() -> None:
    log = ("func#0 @0\nkernel btf_id 12345678 is not a function\n"
           "processed 0 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n")
    assert error_block(log) == (None, ["kernel btf_id 12345678 is not a function"])


def test_error_glued_to_a_jump_line_is_the_error_block() -> None:
    # the 6.18 kernel's own level-1 tail when the 1M limit hits right after a pop
    log = ("4: (57) r2 &= 1                       ; R2=scalar(smin=smin32=0,smax=umax=smax32=umax32=1,"
           "var_off=(0x0; 0x1))\n"
           "5: (55) if r2 != 0x0 goto pc-5 BPF program is too large. Processed 1000001 insn\n"
           "processed 1000001 insns (limit 1000000) max_states_per_insn 4 total_states 14287 "
           "peak_states 14287 mark_read 0\n")
    assert error_block(log) == (5, ["BPF program is too large. Processed 1000001 insn"])
    loop = ("3: (05) goto pc-3 infinite loop detected at insn 1\ncur state: R1=0 R10=fp0\n"
            "old state: R1=P0 R10=fp0\nprocessed 9 insns (limit 1000000) max_states_per_insn 0 "
            "total_states 1 peak_states 1 mark_read 0\n")
    assert error_block(loop) == (3, ["infinite loop detected at insn 1", "cur state: R1=0 R10=fp0",
                                     "old state: R1=P0 R10=fp0"])


def test_level2_noise_is_not_part_of_the_error_block() -> None:
    log = """\
18: (85) call bpf_xdp_ct_lookup#66135
mark_precise: frame0: last_idx 18 first_idx 0 subseq_idx -1 
mark_precise: frame0: regs=r3 stack= before 17: (b7) r5 = 12
(0) frame 0 insn 8 +live -40,-48,-64 
(0) live stack update done in 2 iterations

arg#0 expected pointer to ctx, but got scalar
processed 27 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
"""
    assert error_block(log) == (18, ["arg#0 expected pointer to ctx, but got scalar"])


def test_trace_reads_states_instructions_and_branches() -> None:
    trace = parse_trace(C19_TAIL + "\nfrom 19 to 25: R0=0 R6=ctx() R10=fp0\n25: R0=0 R6=ctx() R10=fp0\n")
    kinds = [(t.kind, t.insn) for t in trace]
    assert kinds == [
        ("state", 0), ("insn", 19), ("insn", 20), ("insn", 21), ("state", 24), ("insn", 24),
        ("insn", 25), ("from", 25), ("state", 25),
    ]
    assert trace[2].state.startswith("R0=ptr_nf_conn(ref_obj_id=2) R1=scalar(")
    assert trace[2].text == "r1 = *(u32 *)(r0 +168)"
    assert trace[3].text == "if r1 == 0x5 goto pc+2" and trace[4].state.endswith("refs=2")


def test_trace_of_an_instruction_that_changes_nothing() -> None:
    (t,) = parse_trace("21: (85) call bpf_ct_release#63789    ;\n")
    assert (t.insn, t.text, t.state) == (21, "call bpf_ct_release#63789", "")
