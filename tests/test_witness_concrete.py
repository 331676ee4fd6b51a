"""The concrete interpreter: faults it reports, calls and frames, runtime rules of the CT kfuncs."""
from __future__ import annotations

from pathlib import Path

import pytest

from verifier_model.frontend import load
from verifier_model.frontend.asm import parse
from verifier_model.program import Program
from verifier_model.witness.concrete import ErrorKind, Execution, Inputs, run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

LOOKUP = """
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
	*(u64 *)(r10 - 56) = 0
	*(u64 *)(r10 - 64) = 0
	*(u32 *)(r10 - 64) = -1
	*(u8 *)(r10 - 56) = 6
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
"""


def asm(body: str, section: str = "xdp") -> Program:
    return parse(f"\t.section {section}\n{body}", "<test>")[0]


def corpus(name: str) -> Program:
    return load(CORPUS / name)[0]


def fault(exe: Execution) -> tuple[ErrorKind, int]:
    assert exe.error is not None, exe
    return exe.error.kind, exe.error.insn


def test_leak_reported_at_exit_with_the_objects_held() -> None:
    exe = run(corpus("refs/release_on_one_branch_only.s"), Inputs(lookups=[True], prandom=[1]))
    assert fault(exe) == (ErrorKind.LEAK, 27)
    assert "obj0" in exe.error.message  # type: ignore[union-attr]


def test_lookup_returning_null_holds_nothing() -> None:
    exe = run(corpus("refs/release_on_one_branch_only.s"), Inputs(lookups=[False], prandom=[1]))
    assert exe.outcome == "exit" and exe.error is None


def test_double_release_and_use_after_release() -> None:
    assert fault(run(corpus("refs/double_release.s"), Inputs(lookups=[True]))) == (ErrorKind.DOUBLE_RELEASE, 24)
    assert fault(run(corpus("refs/copy_used_after_release.s"), Inputs(lookups=[True]))) == (
        ErrorKind.USE_AFTER_RELEASE, 23)


def test_null_dereference_of_map_lookup() -> None:
    exe = run(corpus("maps/lookup_null_branch_deref.s"), Inputs(map_lookups=[False]))
    assert fault(exe) == (ErrorKind.NULL_DEREF, 7)


def test_packet_read_needs_bytes() -> None:
    prog = corpus("packet/read_without_check.s")
    assert fault(run(prog, Inputs(packet=b""))) == (ErrorKind.OUT_OF_BOUNDS, 2)
    assert run(prog, Inputs(packet=b"\x01")).error is None


def test_release_of_a_stack_pointer_is_not_an_object() -> None:
    assert fault(run(corpus("refs/release_stack_pointer.s")))[0] == ErrorKind.BAD_OBJECT


def test_release_of_null_is_a_runtime_no_op() -> None:
    """bpf_ct_release(NULL) returns early in the kernel: the verifier's rejection is policy."""
    assert run(corpus("refs/release_unchecked.s"), Inputs(lookups=[False])).error is None


def test_ct_lookup_validates_opts_size_and_reports_errno() -> None:
    prog = asm(LOOKUP.replace("r5 = 16", "r5 = 20") + """
	r0 = *(u32 *)(r10 - 60)
	exit
""")
    exe = run(prog, Inputs(lookups=[True]))
    assert exe.error is None and exe.r0 == (-22) & 0xFFFFFFFF  # opts->error = -EINVAL, no object


def test_ct_lookup_rejects_unknown_l4proto() -> None:
    prog = asm(LOOKUP.replace("*(u8 *)(r10 - 56) = 6", "*(u8 *)(r10 - 56) = 1") + """
	r0 = *(u32 *)(r10 - 60)
	exit
""")
    assert run(prog, Inputs(lookups=[True])).r0 == (-71) & 0xFFFFFFFF  # -EPROTO


def test_ct_lookup_miss_writes_enoent_and_hit_leaks_without_release() -> None:
    prog = asm(LOOKUP + """
	r0 = *(u32 *)(r10 - 60)
	exit
""")
    assert run(prog, Inputs(lookups=[False])).r0 == (-2) & 0xFFFFFFFF
    assert fault(run(prog, Inputs(lookups=[True])))[0] == ErrorKind.LEAK


def test_insert_consumes_the_init_reference() -> None:
    exe = run(corpus("kfuncs/alloc_insert_release_ok.s"), Inputs(lookups=[True, True]))
    assert exe.error is None
    exe = run(corpus("kfuncs/alloc_insert_release_ok.s"), Inputs(lookups=[True, False]))
    assert exe.error is None  # a failed insert frees the object


def test_static_subprogram_releases_callers_reference() -> None:
    assert run(corpus("subprogs/static_releases_callers_ref_ok.s"), Inputs(lookups=[True])).error is None


def test_callee_frames_preserve_r6_to_r9_and_have_their_own_stack() -> None:
    prog = asm("""
	r6 = 7
	*(u64 *)(r10 - 8) = 5
	call sub
	r0 = *(u64 *)(r10 - 8)
	r0 += r6
	exit
sub:
	r6 = 100
	*(u64 *)(r10 - 8) = 9
	r0 = 0
	exit
""")
    assert run(prog).r0 == 12


def test_bpf_loop_runs_the_callback_until_it_returns_one() -> None:
    prog = asm("""
	*(u64 *)(r10 - 8) = 0
	r1 = 10
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r1 = *(u64 *)(r10 - 8)
	r0 <<= 8
	r0 |= r1
	exit
cb:
	r3 = *(u64 *)(r2 + 0)
	r3 += 1
	*(u64 *)(r2 + 0) = r3
	r0 = 0
	if r1 != 3 goto +1
	r0 = 1
	exit
""")
    assert run(prog).r0 == (4 << 8) | 4  # stopped after iteration 3: 4 iterations, counter 4


def test_atomics_and_sign_extending_loads() -> None:
    prog = asm("""
	*(u64 *)(r10 - 8) = 40
	r1 = 2
	r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
	r2 = 99
	r2 = xchg_64(r10 - 8, r2)
	r0 = 99
	r3 = 7
	r0 = cmpxchg_64(r10 - 8, r0, r3)
	*(u8 *)(r10 - 16) = 0xf0
	r4 = *(s8 *)(r10 - 16)
	r5 = *(u64 *)(r10 - 8)
	r0 = r1
	r0 += r2
	r0 += r5
	r0 += r4
	exit
""")
    assert run(prog).r0 == 40 + 42 + 7 - 16


def test_ld_abs_out_of_the_packet_ends_the_program_and_leaks() -> None:
    exe = run(corpus("refs/ld_abs_with_ref_held.s"), Inputs(lookups=[True]))
    assert fault(exe)[0] == ErrorKind.LEAK


def test_tail_call_that_jumps_leaks_held_references() -> None:
    prog = corpus("refs/tail_call_with_ref_held.s")
    assert fault(run(prog, Inputs(lookups=[True], tail_calls=[True])))[0] == ErrorKind.LEAK


def test_array_map_lookup_is_decided_by_the_key() -> None:
    prog = corpus("imprecise/udiv_forgets_bounds.s")
    for rxq in (0, 0xFFF, 0xFFFF_FFFF):
        assert run(prog, Inputs(ctx={"ingress_ifindex": rxq})).error is None


def test_step_limit_stops_infinite_loops() -> None:
    exe = run(corpus("cfg/infinite_self_loop.s"), max_steps=1000)
    assert exe.outcome == "step_limit"


@pytest.mark.parametrize("inputs", [Inputs(), Inputs(packet=b"\x00" * 64, prandom=[3], lookups=[True])])
def test_inputs_round_trip_through_dicts(inputs: Inputs) -> None:
    assert Inputs.from_dict(inputs.as_dict()) == inputs


def test_pointer_arithmetic_out_of_the_region_is_recorded_not_faulted() -> None:
    """ct + prandom leaves the object (what 'math between ptr_ pointer and register with
    unbounded min value' stands for): an escape at that instruction, no fault until an access."""
    prog = asm(LOOKUP + """
	if r0 == 0 goto out
	r7 = r0
	call bpf_get_prandom_u32
	r2 = r7
	r2 += r0
	r3 = r10
	r3 += -8
	r1 = r7
	call bpf_ct_release
out:
	r0 = 2
	exit
""")
    exe = run(prog, Inputs(lookups=[True], prandom=[4096]))
    assert exe.outcome == "exit" and exe.error is None
    assert [(e.kind, e.insn) for e in exe.escapes] == [(ErrorKind.OUT_OF_BOUNDS, 23)]
    assert "obj0+0 to obj0+4096" in exe.escapes[0].message
    assert exe.as_dict()["escapes"][0]["insn"] == 23
    inside = run(prog, Inputs(lookups=[True], prandom=[248]))  # one past the end is still inside
    assert inside.escapes == [] and "escapes" not in inside.as_dict()
