"""check_accept: a bounded z3 check that no feasible path leaks a reference or releases one twice."""
from __future__ import annotations

from pathlib import Path

import pytest

from verifier_model.corpus import read_file
from verifier_model.frontend import load
from verifier_model.result import Result
from verifier_model.witness import check_accept, error_kinds
from verifier_model.witness.concrete import ErrorKind, Inputs, run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"

# accepted by 6.18 although a run can leak (the corpus scenario says so): the check must find it
KERNEL_MISSES = {"subprogs/tail_call_in_subprog_with_callers_ref.s"}


def _accepted() -> list[Path]:
    return [p for p in sorted(CORPUS.rglob("*.s"))
            if (h := read_file(p)).expectation is not None and h.expectation.verdict == "accept"]


@pytest.mark.parametrize("path", _accepted(), ids=lambda p: str(p.relative_to(CORPUS)))
def test_accepted_corpus_programs_have_no_feasible_leak_or_double_release(path: Path) -> None:
    name = str(path.relative_to(CORPUS))
    for prog in load(path):
        out = check_accept(prog, time_limit=20)
        if name in KERNEL_MISSES:
            assert out["ok"] is False and out["counterexample"]["replayed"], out
        else:
            assert out["ok"] is True, out["counterexample"]


def test_tail_call_from_a_subprogram_leaks_the_callers_reference() -> None:
    """6.18 only checks references at a tail call in frame 0; the counterexample replays."""
    prog = load(CORPUS / "subprogs/tail_call_in_subprog_with_callers_ref.s")[0]
    out = check_accept(prog)
    cex = out["counterexample"]
    assert cex["kind"] == "leak" and cex["replayed"]
    assert cex["inputs"]["lookups"][0] is True and cex["inputs"]["tail_calls"][0] is True
    exe = run(prog, Inputs.from_dict(cex["inputs"]))
    assert exe.error is not None and exe.error.insn == cex["insn"]


@pytest.mark.parametrize(("name", "kind"), [
    ("refs/release_on_one_branch_only.s", "leak"),
    ("refs/two_lookups_release_first_only.s", "leak"),
    ("loops/lookup_each_iteration_leak.s", "leak"),
    ("subprogs/static_returns_ref_main_ignores.s", "leak"),
    ("refs/tail_call_with_ref_held.s", "leak"),
    ("refs/double_release.s", "double_release"),
    ("refs/double_release_on_one_branch.s", "double_release"),
])
def test_buggy_programs_yield_a_replayed_counterexample(name: str, kind: str) -> None:
    out = check_accept(load(CORPUS / name)[0])
    assert out["ok"] is False
    assert out["counterexample"]["kind"] == kind
    assert out["counterexample"]["replayed"] is True


IMPRECISE = sorted(p.name for p in (CORPUS / "imprecise").glob("*.s"))


@pytest.mark.parametrize("name", IMPRECISE)
def test_programs_rejected_for_imprecision_cannot_leak_or_fault(name: str) -> None:
    """Every program of corpus/imprecise: no run (loops unrolled up to the bound, every path
    complete) leaks, releases twice, dereferences NULL or a released object, nor makes the
    out-of-bounds access the kernel rejected it for."""
    path = CORPUS / "imprecise" / name
    prog = load(path)[0]
    e = read_file(path).expectation
    assert e is not None and e.verdict == "reject"
    kinds, _ = error_kinds(prog, Result("reject", errors=list(e.errors), insn=e.insn))
    check = {ErrorKind.LEAK, ErrorKind.DOUBLE_RELEASE, ErrorKind.NULL_DEREF, ErrorKind.USE_AFTER_RELEASE}
    if kinds and ErrorKind.OUT_OF_BOUNDS in kinds:
        check.add(ErrorKind.OUT_OF_BOUNDS)
    out = check_accept(prog, kinds=frozenset(check))
    assert out["ok"] is True and out["complete"] is True, out


def test_loop_bound_marks_the_check_incomplete() -> None:
    out = check_accept(load(CORPUS / "loops/loop_20000_iterations_ok.s")[0], bound=16)
    assert out["ok"] is True and out["complete"] is False and "loop bound 16" in out["reason"]


def test_a_bounded_loop_within_the_bound_is_complete() -> None:
    out = check_accept(load(CORPUS / "loops/lookup_release_each_iteration_ok.s")[0])
    assert out["ok"] is True and out["complete"] is True and out["paths"] > 1
