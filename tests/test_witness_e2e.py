"""End to end: model.check -> Result.path -> explain_path, on corpus files.

`test_every_sat_witness_for_a_corpus_rejection_replays` runs over every kernel-recorded corpus
rejection (but the programs KNOWN_DIVERGENCES lists as slow): each SAT witness must replay.
Skipped (with the reason) when `verifier_model.model.check` is not available.
"""
from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from verifier_model.corpus import read_file
from verifier_model.frontend import load
from verifier_model.isa.insn import Alu
from verifier_model.program import Program
from verifier_model.result import Result
from verifier_model.witness import explain_path
from verifier_model.witness.concrete import Inputs, run

CORPUS = Path(__file__).resolve().parent.parent / "corpus"


def _model_check() -> Callable[..., Result] | None:
    try:
        from verifier_model.model import check  # type: ignore[attr-defined]
    except ImportError:
        return None
    return check  # type: ignore[no-any-return]


def _checked(name: str) -> tuple[Program, Result]:
    check = _model_check()
    if check is None:
        pytest.skip("verifier_model.model.check is not available yet")
    prog = load(CORPUS / name)[0]
    result = check(prog)
    if result.verdict != "reject":
        pytest.skip(f"the model does not reject {name} ({result.verdict})")
    if not result.path:
        pytest.skip("the model does not fill Result.path yet")
    return prog, result


def _explain(name: str) -> dict[str, Any]:
    prog, result = _checked(name)
    return explain_path(prog, result)


@pytest.mark.parametrize("name", [
    "refs/release_on_one_branch_only.s", "refs/double_release.s", "refs/copy_used_after_release.s",
    "maps/lookup_null_branch_deref.s", "packet/read_without_check.s", "loops/lookup_each_iteration_leak.s",
    "subprogs/static_returns_ref_main_ignores.s",
])
def test_model_rejection_has_a_replayed_witness(name: str) -> None:
    out = _explain(name)
    assert out["feasible"] is True and out["replayed"] is True, out


# corpus/imprecise on the model's paths: tests/test_witness_explain.py
# (test_model_path_through_imprecise_rejection_names_the_same_branch), every file of the section.


def _slow() -> set[str]:
    out = set()
    for line in (CORPUS / "KNOWN_DIVERGENCES").read_text().splitlines():
        if "|" in line and not line.startswith("#") and line.split("|")[1].strip() == "slow":
            out.add(line.split("|")[0].strip())
    return out


def _rejections() -> list[Path]:
    """Every corpus program the kernel rejected (privileged or not), but the `slow` ones."""
    slow = _slow()
    out = []
    for path in sorted(CORPUS.rglob("*.s")):
        e = read_file(path).expectation
        if e is not None and e.verdict == "reject" and f"corpus/{path.relative_to(CORPUS).as_posix()}" not in slow:
            out.append(path)
    return out


@functools.cache
def _explained(path: Path) -> tuple[str, dict[str, Any] | None]:
    """(model verdict, explain_path on the model's rejection path) for one corpus file."""
    check = _model_check()
    if check is None:
        pytest.skip("verifier_model.model.check is not available yet")
    prog = load(path)[0]
    result = check(prog, privileged=read_file(path).privileged, log_level=0, time_limit=20)
    if result.verdict != "reject":
        return result.verdict, None
    return "reject", explain_path(prog, result)


REJECTIONS = _rejections()


@pytest.mark.parametrize("path", REJECTIONS, ids=lambda p: str(p.relative_to(CORPUS)))
def test_every_sat_witness_for_a_corpus_rejection_replays(path: Path) -> None:
    """The model rejects, explain_path decides its path; a SAT witness must replay in the
    concrete interpreter to the same kind of fault at the same instruction (pointer arithmetic:
    the pointer leaves its region at that instruction), along the same branches, and the
    inputs alone must reproduce it."""
    verdict, out = _explained(path)
    if out is None:
        pytest.skip(f"the model does not reject it ({verdict})")
    if out["feasible"] is not True:
        assert out["feasible"] is False or out.get("reason"), out  # infeasible, or unknown with a reason
        return
    assert out["replayed"] is True, out
    replay = out["replay"]
    assert replay["branches_match"] is True, out
    prog = load(path)[0]
    target = out["path"][-1]
    exe = run(prog, Inputs.from_dict(out["inputs"]), start=out["path"][0],
              max_steps=max(10 * len(out["path"]), 100_000))
    if isinstance(prog.insns[target], Alu):
        assert "out_of_bounds" in out["error_kinds"]
        assert any(x.insn == target for x in exe.escapes), exe
    else:
        assert exe.error is not None and exe.error.insn == target, exe
        assert exe.error.kind.value in out["error_kinds"], exe


def test_corpus_rejection_witness_summary() -> None:
    """Figures over the whole sweep above: no SAT witness fails to replay, and the engine
    decides most rejections that stand for a runtime fault (guards against a silent slide into
    'unknown')."""
    counts = {"sat": 0, "replayed": 0, "infeasible": 0, "unknown": 0, "no_reject": 0}
    for path in REJECTIONS:
        _, out = _explained(path)
        if out is None:
            counts["no_reject"] += 1
        elif out["feasible"] is True:
            counts["sat"] += 1
            counts["replayed"] += bool(out["replayed"])
        elif out["feasible"] is False:
            counts["infeasible"] += 1
        else:
            counts["unknown"] += 1
    assert counts["sat"] == counts["replayed"], counts
    assert counts["sat"] >= 180 and counts["infeasible"] >= 55, counts
    assert counts["no_reject"] == 0, counts
