"""End to end: model.check -> Result.path -> explain_path, on corpus files.

Skipped (with the reason) until `verifier_model.model.check` exists and fills Result.path.
"""
from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from verifier_model.frontend import load
from verifier_model.program import Program
from verifier_model.result import Result
from verifier_model.witness import explain_path

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


@pytest.mark.parametrize(("name", "branch"), [
    ("imprecise/correlated_flag_copy_or_zero.s", 27), ("imprecise/correlated_flag_times_three.s", 27),
    ("imprecise/correlated_flag_spilled_32bit.s", 28), ("imprecise/correlated_flag_reloaded_from_ctx.s", 26),
    ("imprecise/correlated_flag_packet_byte_reread.s", 35),
])
def test_model_imprecise_rejection_names_the_branch(name: str, branch: int) -> None:
    out = _explain(name)
    assert out["feasible"] is False and out["imprecise_branch"] == branch, out


@pytest.mark.parametrize("name", ["imprecise/udiv_forgets_bounds.s", "imprecise/spill_u32_over_zeroed_slot.s"])
def test_model_lost_bounds_point_at_the_error_instruction(name: str) -> None:
    prog, result = _checked(name)
    out = explain_path(prog, result)
    assert out["feasible"] is False and out["imprecise_insn"] == result.insn, out
