"""State pruning keeps N sequential if/else diamonds linear: each diamond's two paths join in
states the kernel's equivalence rules treat as equal (imprecise scalars), so the second path is
pruned at the join instead of doubling the work."""
from __future__ import annotations

from verifier_model.frontend.asm import parse
from verifier_model.model import check
from verifier_model.triage.diamonds import diamonds


def test_sequential_diamonds_cost_linear_work() -> None:
    counts = {}
    for n in (25, 50, 100, 200):
        r = check(parse(diamonds(n), "diamonds.s")[0], log_level=0)
        assert r.verdict == "accept"
        counts[n] = r.processed
    # doubling the diamonds at most doubles the work (plus a constant), never squares it
    for n in (25, 50, 100):
        assert counts[2 * n] <= 2 * counts[n] + 50, counts
    assert counts[200] < 10 * 200, counts


def test_processed_count_equals_the_kernels() -> None:
    from verifier_model.kernel import loader

    ok, reason = loader.available()
    if not ok:
        import pytest

        pytest.skip(reason)
    for n in (10, 100):
        prog = parse(diamonds(n), "diamonds.s")[0]
        assert check(prog, log_level=0).processed == loader.load(prog).processed
