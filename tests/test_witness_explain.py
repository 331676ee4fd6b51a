"""explain_path: witnesses for real rejections replay; infeasible rejections name the imprecise branch.

Until the model fills Result.path, the paths here are written by hand: the depth-first path the
verifier follows (fall-through first) to the rejecting instruction, as (insn, direction) for
each conditional jump, ending with the error instruction. The error text and instruction come
from the corpus header (recorded from the live kernel).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from verifier_model.corpus import read_file
from verifier_model.frontend import load
from verifier_model.isa.insn import Alu
from verifier_model.program import Program
from verifier_model.result import Result
from verifier_model.witness import error_kinds, explain_path
from verifier_model.witness.concrete import ErrorKind, Inputs, run
from verifier_model.witness.symbolic import explore, follow_path

CORPUS = Path(__file__).resolve().parent.parent / "corpus"
T, F = "taken", "fallthrough"


def rejection(name: str, branches: list[tuple[int, str]]) -> tuple[Program, Result]:
    path = CORPUS / name
    e = read_file(path).expectation
    assert e is not None and e.verdict == "reject" and e.insn is not None
    return load(path)[0], Result("reject", errors=list(e.errors), insn=e.insn, path=[*branches, (e.insn, "")])


# (corpus file, verifier path, expected runtime fault)
REAL = [
    ("refs/release_on_one_branch_only.s", [(19, F), (23, T)], ErrorKind.LEAK),
    ("refs/leak_on_unrelated_branch.s", [(19, F), (21, T)], ErrorKind.LEAK),
    ("loops/lookup_each_iteration_leak.s", [(21, T), (21, T), (21, F), (22, F)], ErrorKind.LEAK),
    ("refs/two_lookups_release_first_only.s", [(29, F)], ErrorKind.LEAK),
    ("refs/second_lookup_overwrites_first.s", [(27, F)], ErrorKind.LEAK),
    ("refs/overwrite_before_check.s", [], ErrorKind.LEAK),
    ("refs/sk_lookup_leak.s", [(10, F)], ErrorKind.LEAK),
    ("kfuncs/alloc_leak.s", [(19, F)], ErrorKind.LEAK),
    ("subprogs/static_returns_ref_main_ignores.s", [], ErrorKind.LEAK),
    ("subprogs/global_leaks.s", [], ErrorKind.LEAK),  # verified from the global function's entry
    ("refs/tail_call_with_ref_held.s", [(19, F)], ErrorKind.LEAK),
    ("refs/ld_abs_with_ref_held.s", [], ErrorKind.LEAK),
    ("maps/lookup_deref_unchecked.s", [], ErrorKind.NULL_DEREF),
    ("maps/lookup_null_branch_deref.s", [(6, F)], ErrorKind.NULL_DEREF),
    ("refs/deref_before_null_check.s", [], ErrorKind.NULL_DEREF),
    ("refs/copy_used_after_release.s", [(19, F)], ErrorKind.USE_AFTER_RELEASE),
    ("refs/spill_release_then_use_fill.s", [(19, F)], ErrorKind.USE_AFTER_RELEASE),
    ("subprogs/static_releases_then_main_uses.s", [(19, F)], ErrorKind.USE_AFTER_RELEASE),
    ("refs/double_release.s", [(19, F)], ErrorKind.DOUBLE_RELEASE),
    ("kfuncs/insert_twice.s", [(19, F)], ErrorKind.DOUBLE_RELEASE),
    ("refs/release_with_offset.s", [(19, F)], ErrorKind.BAD_OBJECT),
    ("packet/read_without_check.s", [], ErrorKind.OUT_OF_BOUNDS),
    ("maps/lookup_read_oob.s", [(6, F)], ErrorKind.OUT_OF_BOUNDS),
    ("kfuncs/tuple_fp8_size_36.s", [], ErrorKind.OUT_OF_BOUNDS),
]


@pytest.mark.parametrize(("name", "branches", "kind"), REAL, ids=[r[0] for r in REAL])
def test_real_rejection_has_a_witness_that_replays(name: str, branches: list[tuple[int, str]],
                                                   kind: ErrorKind) -> None:
    prog, result = rejection(name, branches)
    out = explain_path(prog, result)
    assert out["feasible"] is True, out
    assert out["replayed"] is True, out
    assert out["replay"]["error"]["kind"] == kind.value
    assert out["replay"]["error"]["insn"] == result.insn
    assert out["replay"]["branches_match"]
    # the inputs alone reproduce it
    exe = run(prog, Inputs.from_dict(out["inputs"]), start=out["path"][0])
    assert exe.error is not None and exe.error.kind == kind


def test_pointer_arithmetic_witness_replays_as_an_escape() -> None:
    """ct + prandom: no access follows, so the replay confirms the pointer leaving its object
    at the rejected ALU instruction (not a fault somewhere later)."""
    prog, result = rejection("refs/ct_plus_unbounded_scalar.s", [(19, F)])
    out = explain_path(prog, result)
    assert out["feasible"] is True and out["replayed"] is True, out
    assert out["replay"]["error"] is None
    assert [x["insn"] for x in out["replay"]["escapes"]] == [result.insn]


# corpus/imprecise: programs the kernel rejects (recorded) although no run can leak or fault.
# Every file of the section is here, with the verifier's path (the model's, branch entries only)
# and what explain_path must name: (branch insn, direction, n-th visit of that branch) for an
# impossible branch, or None when every branch is possible and the error instruction itself
# cannot fault (bounds lost through arithmetic, spills or 32-bit ops).
# correlated flags: lookup when f == 0, release when g == 0, g a copy of f the verifier does not
# link; the path f == 0, g != 0 leaks but cannot happen: the imprecise branch is g's test.
# loops: the verifier unrolls them until "program too large" (1M instructions); the paths are the
# model's when given the time (265 and 142,857 rounds), each round one more `taken`.
BranchName = tuple[int, str, int]
IMPRECISE: dict[str, tuple[list[tuple[int, str]], BranchName | None]] = {
    "correlated_flag_copy_or_zero.s": ([(17, F), (27, T)], (27, T, 1)),
    "correlated_flag_from_ctx_field.s": ([(16, F), (27, T)], (27, T, 1)),
    "correlated_flag_jgt_vs_jeq.s": ([(18, F), (28, T)], (28, T, 1)),
    "correlated_flag_negated.s": ([(17, F), (27, T)], (27, T, 1)),
    "correlated_flag_ored.s": ([(17, F), (27, T)], (27, T, 1)),
    "correlated_flag_packet_byte_reread.s": ([(16, F), (19, F), (33, F), (35, T)], (35, T, 1)),
    "correlated_flag_reloaded_from_ctx.s": ([(14, F), (26, T)], (26, T, 1)),
    "correlated_flag_shifted_copy.s": ([(17, F), (27, T)], (27, T, 1)),
    "correlated_flag_spilled_32bit.s": ([(18, F), (28, T)], (28, T, 1)),
    "correlated_flag_swapped_halves.s": ([(17, F), (27, T)], (27, T, 1)),
    "correlated_flag_times_three.s": ([(17, F), (27, T)], (27, T, 1)),
    "correlated_flag_xor_const.s": ([(17, F), (27, T)], (27, T, 1)),
    # i = x & 0xff, end = i + 10: the 10th test `i != end` cannot be taken
    "loop_until_precomputed_end.s": ([(5, T)] * 265 + [(4, "")], (5, T, 10)),
    # do i = 3i + 1 while (i & 1): i is odd after round 1 only if it was even, so never twice
    "loop_collatz_parity.s": ([(5, T)] * 142_857 + [(1, "")], (5, T, 2)),
    "complement_sum_is_constant.s": ([], None),
    "copy_mul_one_before_check.s": ([(13, F)], None),
    "max_via_branchless_trick.s": ([], None),
    "square_of_signed_small.s": ([], None),
    "sub_self_copy_negative_min.s": ([], None),
    "udiv_forgets_bounds.s": ([], None),
    "umod_forgets_bounds.s": ([], None),
    "half_stores_then_wide_fill.s": ([], None),
    "spill_u32_over_zeroed_slot.s": ([], None),
    "alu32_sub_self_copy_zext.s": ([], None),
    "alu32_complement_sum_minus_const.s": ([], None),
}

# what the section must cover (a file may stand for several)
IMPRECISION_KINDS = {
    "correlated branches": {n for n in IMPRECISE if n.startswith("correlated_flag_")},
    "bounds lost through spills": {"spill_u32_over_zeroed_slot.s", "half_stores_then_wide_fill.s",
                                   "correlated_flag_spilled_32bit.s"},
    "32-bit ops": {"alu32_sub_self_copy_zext.s", "alu32_complement_sum_minus_const.s",
                   "correlated_flag_jgt_vs_jeq.s", "correlated_flag_spilled_32bit.s"},
    "bounds lost through arithmetic": {"complement_sum_is_constant.s", "copy_mul_one_before_check.s",
                                       "max_via_branchless_trick.s", "square_of_signed_small.s",
                                       "sub_self_copy_negative_min.s", "udiv_forgets_bounds.s",
                                       "umod_forgets_bounds.s"},
    "loops the verifier cannot bound": {"loop_until_precomputed_end.s", "loop_collatz_parity.s"},
}


def test_imprecise_table_covers_the_whole_section() -> None:
    files = {p.name for p in (CORPUS / "imprecise").glob("*.s")}
    assert files == set(IMPRECISE), "add the new corpus/imprecise files to IMPRECISE"
    assert set().union(*IMPRECISION_KINDS.values()) == files
    for kind, names in IMPRECISION_KINDS.items():
        assert len(names) >= 2, kind
    for name in files:  # kernel-recorded rejections, every one
        e = read_file(CORPUS / "imprecise" / name).expectation
        assert e is not None and e.verdict == "reject" and e.insn is not None and e.version, name


def _assert_names(out: dict[str, Any], expected: BranchName | None, error_insn: int) -> None:
    assert out["feasible"] is False, out
    if expected is None:
        assert out["imprecise_branch"] is None, out
        assert out["imprecise_insn"] == error_insn, out
    else:
        branch, direction, visit = expected
        got = (out["imprecise_branch"], out["imprecise_direction"], out["imprecise_visit"])
        assert got == (branch, direction, visit), out


@pytest.mark.parametrize("name", sorted(IMPRECISE))
def test_imprecise_rejection_is_infeasible_at_the_named_branch(name: str) -> None:
    branches, expected = IMPRECISE[name]
    prog, result = rejection(f"imprecise/{name}", branches)
    out = explain_path(prog, result)
    _assert_names(out, expected, result.insn or 0)


def _slow() -> set[str]:
    out = set()
    for line in (CORPUS / "KNOWN_DIVERGENCES").read_text().splitlines():
        if "|" in line and not line.startswith("#") and line.split("|")[1].strip() == "slow":
            out.add(line.split("|")[0].strip())
    return out


@pytest.mark.parametrize("name", sorted(IMPRECISE))
def test_model_path_through_imprecise_rejection_names_the_same_branch(name: str) -> None:
    """The same, on the path the model itself rejects on (model.check -> Result.path)."""
    from verifier_model.model import check

    if f"corpus/imprecise/{name}" in _slow():
        pytest.skip("the model needs minutes here (KNOWN_DIVERGENCES: slow); the path above is its path")
    prog = load(CORPUS / "imprecise" / name)[0]
    result = check(prog)
    e = read_file(CORPUS / "imprecise" / name).expectation
    assert e is not None and result.verdict == "reject" and result.insn == e.insn, result
    _assert_names(explain_path(prog, result), IMPRECISE[name][1], result.insn)


def test_a_loop_path_is_followed_only_up_to_its_impossible_round() -> None:
    """142,857 rounds of the collatz loop: following stops at the first checkpoint (64
    branches) after the impossible second round, so the witness stays cheap."""
    branches, _ = IMPRECISE["loop_collatz_parity.s"]
    prog, result = rejection("imprecise/loop_collatz_parity.s", branches)
    out = explain_path(prog, result)
    assert out["path_cut"] is True and len(out["path"]) < 1000
    assert "for the 2nd time" in out["reason"]
    assert out["time"] < 10


@pytest.mark.parametrize("name", ["refs/jgt_zero_null_check.s", "refs/jset_null_check.s",
                                  "refs/jne_reg_zero_no_refine.s"])
def test_null_checks_the_verifier_does_not_recognise_are_imprecise(name: str) -> None:
    """`if r0 > 0`, `if r0 & -1`, `if r0 != r2 (= 0)` are null checks at run time."""
    path = CORPUS / name
    e = read_file(path).expectation
    assert e is not None and e.insn is not None
    prog = load(path)[0]
    branch = next(i for i, x in prog.instructions() if getattr(x, "is_cond", False) and i > 18)
    taken_leaks = explain_path(prog, Result("reject", errors=list(e.errors), insn=e.insn,
                                            path=[(branch, F), (e.insn, "")]))
    other = explain_path(prog, Result("reject", errors=list(e.errors), insn=e.insn,
                                      path=[(branch, T), (e.insn, "")]))
    verdicts = {taken_leaks["feasible"], other["feasible"]}
    assert verdicts <= {False, None}, (taken_leaks, other)
    assert False in verdicts


def test_bpf_loop_zero_iterations_is_impossible_when_nr_is_one() -> None:
    """The verifier first explores 'callback ran zero times'; with nr_loops = 1 it cannot."""
    prog, result = rejection("subprogs/callback_releases_outer_ref.s", [])
    call = next(i for i, x in prog.instructions() if getattr(x, "sym", None) == "bpf_loop")
    result.path = [(19, F), (call, ""), (call + 1, ""), (result.insn or 0, "")]
    out = explain_path(prog, result)
    assert out["feasible"] is False
    assert out["imprecise_branch"] == call and out["imprecise_direction"] == "skip"


def test_full_instruction_paths_give_the_same_answer_as_branch_paths() -> None:
    prog, sparse = rejection("imprecise/correlated_flag_shifted_copy.s", [(17, F), (27, T)])
    followed = follow_path(prog, sparse.path, sparse.insn or 0)
    labels = {c.insn: c.label for c in followed.state.constraints}
    full = Result("reject", errors=sparse.errors, insn=sparse.insn,
                  path=[(i, labels.get(i, "")) for i in followed.insns])
    a, b = explain_path(prog, sparse), explain_path(prog, full)
    assert (a["feasible"], a["imprecise_branch"]) == (b["feasible"], b["imprecise_branch"]) == (False, 27)


def test_policy_errors_report_reachability_only() -> None:
    prog, result = rejection("exit/r0_uninit_at_exit.s", [])
    out = explain_path(prog, result)
    assert out["feasible"] is None and out["reachable"] is True and out["reason"]


def test_a_path_that_leaves_the_program_is_reported_not_raised() -> None:
    prog, result = rejection("refs/double_release.s", [(19, T)])  # taken goes to exit, never to 24
    out = explain_path(prog, result)
    assert out["feasible"] is None and "reason" in out


def test_result_shape() -> None:
    prog, result = rejection("refs/double_release.s", [(19, F)])
    out = explain_path(prog, result, timeout_ms=2000)
    assert set(out) >= {"feasible", "path", "inputs", "replayed", "time"}
    assert out["path"][0] == 0 and out["path"][-1] == 24
    assert json.loads(json.dumps(out)) == json.loads(json.dumps(out, sort_keys=True))


def test_release_of_null_is_reported_as_a_policy_rule() -> None:
    prog, result = rejection("refs/release_unchecked.s", [])
    out = explain_path(prog, result)
    assert out["feasible"] is False and out["imprecise_branch"] is None
    assert "no-op at run time" in out["reason"]


def test_invalid_opts_size_never_reaches_memory() -> None:
    prog, result = rejection("kfuncs/opts_sz_65.s", [])
    out = explain_path(prog, result)
    assert out["feasible"] is False and "returns NULL" in out["reason"]


def _corpus_rejections() -> list[Path]:
    out = []
    for path in sorted(CORPUS.rglob("*.s")):
        h = read_file(path)
        if h.expectation and h.expectation.verdict == "reject" and h.expectation.insn is not None and h.privileged:
            out.append(path)
    return out


@pytest.mark.parametrize("path", _corpus_rejections(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_corpus_witness_replays(path: Path) -> None:
    """For each rejection with a runtime fault: if some run faults at the error instruction
    (found by bounded exploration), explain_path along that run's path must produce a witness
    the concrete interpreter confirms."""
    e = read_file(path).expectation
    assert e is not None and e.insn is not None
    prog = load(path)[0]
    result = Result("reject", errors=list(e.errors), insn=e.insn)
    kinds, _ = error_kinds(prog, result)
    if kinds is None:
        pytest.skip("policy error: no runtime fault")
    found = explore(prog, kinds, only_at=e.insn, bound=8, time_limit=5).found
    if found is None:
        pytest.skip("no run faults at the error instruction")
    result.path = [(c.insn, c.label) for c in found.state.constraints if c.label in (T, F)] + [(e.insn, "")]
    out = explain_path(prog, result)
    assert out["feasible"] is True, out
    assert out["replayed"] is True, out
    if isinstance(prog.insns[e.insn], Alu):  # pointer arithmetic out of range: the escape is seen there
        assert any(x["insn"] == e.insn for x in out["replay"]["escapes"]), out
    else:
        assert out["replay"]["error"]["insn"] == e.insn, out
