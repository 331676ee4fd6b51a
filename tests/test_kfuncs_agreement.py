"""triage/agreement.py: the figures and disagreement classes, with stand-in verifiers, and the
real model against the live kernel."""
from __future__ import annotations

import pytest

from verifier_model.kernel import loader
from verifier_model.program import Program
from verifier_model.result import Result
from verifier_model.triage.agreement import compare, format_report, measure


def _parse(text: str, name: str) -> list[Program]:
    return [Program((), name=name)]


def test_compare_counts_two_accepts_as_agreeing_lines() -> None:
    acc, rej = Result("accept"), Result("reject", ["Unreleased reference id=2 alloc_insn=18", "x"])
    assert compare(acc, Result("accept")) == (True, True)
    assert compare(rej, Result("reject", ["Unreleased reference id=2 alloc_insn=18", "y"])) == (True, True)
    assert compare(rej, Result("reject", ["Unreleased reference id=4 alloc_insn=27"])) == (True, False)
    assert compare(acc, rej) == (False, False)


def test_measure_groups_disagreements_with_numbers_masked() -> None:
    def kernel(p: Program) -> Result:
        i = int(p.name.split("_")[1])
        return Result("reject", [f"Unreleased reference id={i} alloc_insn=18"]) if i % 2 else Result("accept")

    def model(p: Program) -> Result:
        i = int(p.name.split("_")[1])
        if i % 4 == 1:
            return Result("reject", [f"Unreleased reference id={i + 1} alloc_insn=18"])
        if i == 6:
            raise RuntimeError("boom 6")
        return kernel(p)

    r = measure(3, 12, model=model, kernel=kernel, parse=_parse)
    assert r["programs"] == 12
    assert (r["verdict_agree"], r["first_line_agree"]) == (11, 8)
    assert [c["count"] for c in r["classes"]] == [3, 1]
    assert r["classes"][0]["class"] == ("reject/reject: kernel[Unreleased reference id=N alloc_insn=N] "
                                        "model[Unreleased reference id=N alloc_insn=N]")
    assert r["model_failures"] == {"RuntimeError: boom N": 1}
    assert "first-error-line agreement 8/12" in format_report(r)


def test_measure_real_model_against_the_live_kernel() -> None:
    ok, reason = loader.available()
    if not ok:
        pytest.skip(reason)
    r = measure(31, 150, prog_types=("xdp", "tc"))
    assert r["programs"] == 300 and set(r["kernel_verdicts"]) == {"accept", "reject"}
    assert r["model_failures"] == {}
    # the bar is >= 99% verdict and >= 97% first-line agreement; the model reaches 100%
    assert (r["verdict_agree"], r["first_line_agree"], r["error_block_agree"]) == (300, 300, 300), \
        format_report(r)
