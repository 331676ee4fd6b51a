"""triage/agreement.py: the figures and disagreement classes, with stand-in verifiers."""
from __future__ import annotations

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
