"""The model against the live kernel on freshly generated CT-kfunc programs.

No agreement threshold: every program the model gives a verdict on must agree with the kernel
on the verdict, the error block and the failing instruction. A program the model answers with
verdict 'error' (a feature it does not cover, its time bound) is left out of the comparison but
named in the report; there are none today, so any appearing is also a failure to look at.
The last case mutates the generated programs (`fuzz --mutate`), off the generator's usual paths.
A divergence is reported with its program name: `verifier-model fuzz --seed S --count N
[--mutate K]` with the same seed reproduces it and writes a reduced reproducer.
"""
from __future__ import annotations

import pytest

from verifier_model.commands.fuzz import FuzzOptions, fuzz_one, mutate, programs
from verifier_model.kernel import loader

CASES = [  # (seed, count, prog types, privileged, mutations per program: 0 = as generated)
    (1801, 200, "both", True, 0),
    (1802, 100, "tc", True, 0),
    (1803, 100, "both", False, 0),
    (1804, 200, "both", True, 4),
]


@pytest.fixture(scope="module", autouse=True)
def _kernel() -> None:
    ok, reason = loader.available()
    if not ok:
        pytest.skip(reason)


@pytest.mark.parametrize(("seed", "count", "prog_type", "privileged", "mutations"), CASES,
                         ids=[f"seed{c[0]}-{c[2]}-{'priv' if c[3] else 'unpriv'}-mut{c[4]}" for c in CASES])
def test_model_agrees_with_the_kernel(seed: int, count: int, prog_type: str, privileged: bool,
                                      mutations: int) -> None:
    opts = FuzzOptions(privileged=privileged, time_limit=10.0, reduce=False)
    progs = programs(seed, count, prog_type)
    if mutations:
        progs = [(name, mutate(text, seed, name, mutations)) for name, text in progs]
    rows = [fuzz_one(name, text, opts) for name, text in progs]
    if mutations:  # a mutant the frontend refuses is no test of the verifier
        rows = [r for r in rows if r["status"] != "input-error"]
        assert len(rows) > 0.8 * count
    assert not [r for r in rows if r["status"] in ("input-error", "kernel-error")], "generator/kernel trouble"
    diverging = [f"{r['name']}: {r['key']} (model insn {r['model']['insn']}, kernel insn {r['kernel']['insn']})"
                 for r in rows if r["status"] == "disagree"]
    unsupported = [f"{r['name']}: {r['reason']}" for r in rows if r["status"] == "model-error"]
    assert not diverging, "model and kernel disagree:\n" + "\n".join(diverging)
    assert not unsupported, "the model gave no verdict:\n" + "\n".join(unsupported)
    verdicts = {r["kernel"]["verdict"] for r in rows}
    assert verdicts == {"accept", "reject"}  # the sample exercises both sides
