"""N sequential if/else diamonds: the program family behind the state-pruning linearity check.

Each diamond branches on `bpf_get_prandom_u32`, adds 1 or 2 to r7 on the two arms and joins; the
joined states differ only in an imprecise scalar, so the kernel prunes the second arm at the join
and the work grows linearly in N instead of doubling per diamond. Used by
tests/test_diamonds_linear.py and bench/bench_diamonds.py.
"""
from __future__ import annotations

__all__ = ["diamonds"]


def diamonds(n: int) -> str:
    """Assembly text (one XDP program, 5 * n + 3 instructions) with `n` sequential diamonds."""
    lines = ["\t.section xdp", "\tr7 = 0"]
    for i in range(n):
        lines += ["\tcall bpf_get_prandom_u32", f"\tif r0 > 5 goto a{i}", "\tr7 += 1", f"\tgoto b{i}", f"a{i}:",
                  "\tr7 += 2", f"b{i}:"]
    lines += ["\tr0 = 2", "\texit"]
    return "\n".join(lines) + "\n"
