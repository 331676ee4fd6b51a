"""N sequential if/else diamonds: model time and processed count against N and against the kernel.

    .venv/bin/python bench/bench_diamonds.py [--repeat K] [--sizes 1,10,50,...]

The programs come from `verifier_model.triage.diamonds` (the same generator as
tests/test_diamonds_linear.py): 5 * N + 3 instructions, one XDP program, each diamond a
`bpf_get_prandom_u32` call and a branch whose two arms join. With working state pruning the
second arm of every diamond is pruned at the join, so processed instructions, states and time
grow linearly in N (without pruning they would double per diamond).

Single core. The model figure is `verifier_model.model.check` at log level 0, best of K; the
kernel figures come from the oracle (`verifier_model.kernel.loader.load`) at log level 1, whose
log ends with the kernel's own "processed N insns ... total_states ..." line; the kernel time is
the bpf(BPF_PROG_LOAD) syscall time, best of K. Without a usable kernel the kernel columns are
left blank. Nothing is asserted: the table and the linearity summary are printed.
"""
from __future__ import annotations

import argparse
import itertools
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier_model.frontend.asm import parse
from verifier_model.model import check
from verifier_model.triage.diamonds import diamonds

DEFAULT_SIZES = (1, 10, 50, 100, 250, 500, 1000)


@dataclass
class Row:
    n: int
    insns: int
    verdict: str
    t: float  # model seconds, best of K
    processed: int
    states: int
    k_verdict: str | None = None
    k_processed: int | None = None
    k_states: int | None = None
    k_t: float | None = None  # BPF_PROG_LOAD seconds, best of K


def _kernel() -> tuple[ModuleType | None, str]:
    """The oracle module when the kernel can load programs, else None and why not."""
    try:
        from verifier_model.kernel import loader

        ok, reason = loader.available()
    except Exception as e:  # noqa: BLE001
        return None, str(e)
    return (loader, "") if ok else (None, reason)


def _fit(xs: list[float], ys: list[float]) -> tuple[float, float, float]:
    """Least-squares line y = a + b x: (a, b, r^2)."""
    n = len(xs)
    mx, my = sum(xs) / n, sum(ys) / n
    sxx = sum((x - mx) ** 2 for x in xs)
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    syy = sum((y - my) ** 2 for y in ys)
    b = sxy / sxx if sxx else 0.0
    a = my - b * mx
    r2 = (sxy * sxy) / (sxx * syy) if sxx and syy else 1.0
    return a, b, r2


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--repeat", type=int, default=3, help="best of K runs (model and kernel)")
    ap.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                    help="comma-separated diamond counts N")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    loader, why = _kernel()

    check(parse(diamonds(1), "diamonds.s")[0], log_level=0)  # warm caches (BTF, tables)
    rows = []
    for n in sizes:
        prog = parse(diamonds(n), f"diamonds{n}.s")[0]
        times = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            res = check(prog, log_level=0)
            times.append(time.perf_counter() - t0)
        row = Row(n, len(prog.insns), res.verdict, min(times), res.processed, res.states)
        if loader is not None:
            kt = []
            for _ in range(args.repeat):
                k = loader.load(prog, log_level=1)
                kt.append(k.duration)
            row.k_verdict, row.k_processed, row.k_states, row.k_t = k.verdict, k.processed, k.states, min(kt)
        rows.append(row)

    print(f"model: verifier_model.model.check, log level 0, best of {args.repeat}; "
          + (f"kernel: BPF_PROG_LOAD (Linux {loader.kernel_release()}), log level 1, best of {args.repeat}"
             if loader is not None else f"kernel: not available ({why})"))
    print()
    print("| N | insns | model time ms | model processed | model states | kernel processed | kernel states "
          "| kernel time ms | model µs/diamond |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        kp = "" if r.k_processed is None else str(r.k_processed)
        ks = "" if r.k_states is None else str(r.k_states)
        kms = "" if r.k_t is None else f"{1000 * r.k_t:.2f}"
        if r.k_verdict not in (None, "accept"):
            kp += f" ({r.k_verdict})"
        verdict = "" if r.verdict == "accept" else f" ({r.verdict})"
        print(f"| {r.n} | {r.insns} | {1000 * r.t:.1f}{verdict} | {r.processed} | {r.states} "
              f"| {kp} | {ks} | {kms} | {1e6 * r.t / r.n:.0f} |")

    print()
    print("linearity:")
    xs = [float(r.n) for r in rows]
    if len(rows) >= 2:
        series: list[tuple[str, str, list[float | None]]] = [
            ("model time", "ms", [1000 * r.t for r in rows]),
            ("model processed", "insns", [float(r.processed) for r in rows]),
            ("kernel time", "ms", [None if r.k_t is None else 1000 * r.k_t for r in rows]),
            ("kernel processed", "insns", [None if r.k_processed is None else float(r.k_processed) for r in rows]),
        ]
        for label, unit, maybe in series:
            ys = [y for y in maybe if y is not None]
            if len(ys) != len(xs):
                continue
            a, b, r2 = _fit(xs, ys)
            print(f"  {label}: least-squares {a:.2f} + {b:.4f} {unit} * N, r^2 = {r2:.5f}")
        for label, vals in (("model time", [r.t for r in rows]), ("model processed", [float(r.processed) for r in rows])):
            steps = [f"{p.n}->{q.n}: x{vq / vp:.2f} (N x{q.n / p.n:.2f})"
                     for (p, vp), (q, vq) in itertools.pairwise(zip(rows, vals)) if vp]
            print(f"  {label} growth: " + "; ".join(steps))
        big = [r for r in rows if r.n >= 10] or rows
        per = [1e6 * r.t / r.n for r in big]
        print(f"  model time per diamond (N >= {big[0].n}): {min(per):.0f}..{max(per):.0f} µs "
              f"(max/min {max(per) / min(per):.2f})")
    if loader is not None:
        same = [r.n for r in rows if (r.verdict, r.processed, r.states) == (r.k_verdict, r.k_processed, r.k_states)]
        differ = [r.n for r in rows if r.n not in same]
        print(f"  verdict, processed and total_states equal the kernel's: {'all' if not differ else 'not all'} "
              f"({len(same)}/{len(rows)}" + (f"; differ at N = {differ}" if differ else "") + ")")
        ratio = [r.t / r.k_t for r in rows if r.k_t]
        if ratio:
            print(f"  model/kernel time ratio: {min(ratio):.1f}x..{max(ratio):.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
