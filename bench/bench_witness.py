"""z3 time per program on the corpus: explain_path on rejections, check_accept on accepts.

    .venv/bin/python bench/bench_witness.py [--accept] [--timeout-ms N] [--time-limit S]
                                            [--include-slow] [--summary-only] [DIR_OR_FILE ...]

Rejections (default): every corpus program whose recorded kernel verdict is reject, privileged
or not (as its header says), is checked by the model (`verifier_model.model.check`), and the path
the model rejected on is explained by `witness.explain_path` (symbolic execution of the path,
z3, and the concrete replay of a SAT witness). Per program it prints the outcome, the z3 time
(the time spent in `z3.Solver.check`, measured around every call) and the whole witness time
(explain_path's wall time: z3 plus building the formulas plus the replay); the model's own time
is shown apart and is not part of either. With --accept, accepted programs are timed through
`witness.check_accept` (bounded exploration of every path) instead.

Programs listed as `slow` in corpus/KNOWN_DIVERGENCES are left out unless --include-slow (the
model needs minutes for them: give --time-limit 300). Programs the model does not reject (time
bound, unsupported) are listed and left out of the figures. Prints the table and a summary:
outcome counts, total / median / p95 / max per program. Asserts nothing.
"""
from __future__ import annotations

import argparse
import math
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any

import z3

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier_model.corpus import read_file
from verifier_model.frontend import load
from verifier_model.model import check
from verifier_model.witness import check_accept, explain_path

CORPUS = ROOT / "corpus"


class _Z3Clock:
    """Wall time spent inside z3.Solver.check, accumulated until reset."""

    def __init__(self) -> None:
        self.total = 0.0
        self.calls = 0
        self._orig = z3.Solver.check
        clock = self

        def timed_check(solver: z3.Solver, *args: Any) -> z3.CheckSatResult:
            t0 = time.perf_counter()
            try:
                return clock._orig(solver, *args)
            finally:
                clock.total += time.perf_counter() - t0
                clock.calls += 1

        z3.Solver.check = timed_check  # type: ignore[method-assign]

    def reset(self) -> None:
        self.total, self.calls = 0.0, 0


def slow_programs() -> set[str]:
    out = set()
    for line in (CORPUS / "KNOWN_DIVERGENCES").read_text().splitlines():
        if "|" in line and not line.startswith("#"):
            path, kind, _ = (x.strip() for x in line.split("|", 2))
            if kind == "slow":
                out.add(path)
    return out


def outcome(out: dict[str, Any]) -> tuple[str, str]:
    """(outcome, detail) of an explain_path result."""
    f = out["feasible"]
    if f is True:
        if out["replayed"]:
            return "feasible", "replayed"
        return "feasible-NOT-REPLAYED", ""
    if f is False:
        if out.get("imprecise_branch") is not None:
            visit = out.get("imprecise_visit", 1)
            return "infeasible", f"branch {out['imprecise_branch']} {out.get('imprecise_direction', '')}" + \
                (f" #{visit}" if visit > 1 else "")
        return "infeasible", f"insn {out['imprecise_insn']}"
    reason = out.get("reason", "")
    if out.get("reachable"):
        return "policy", "reachable"
    if "no runtime fault corresponds" in reason or "policy rule" in reason:
        return "policy", ""
    if "names no error instruction" in reason:
        return "no-insn", ""
    return "unknown", reason[:40]


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[max(0, math.ceil(q * len(s)) - 1)]


def fmt_stats(name: str, values: list[float]) -> str:
    if not values:
        return f"  {name}: -"
    return (f"  {name:<14} total {sum(values):7.2f} s   median {pct(values, 0.5) * 1000:7.1f} ms   "
            f"p95 {pct(values, 0.95) * 1000:7.1f} ms   max {max(values) * 1000:7.1f} ms")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter,
                                 epilog="\n".join(__doc__.splitlines()[2:]))
    ap.add_argument("paths", nargs="*", help="corpus files or directories (default: corpus/)")
    ap.add_argument("--accept", action="store_true", help="time check_accept on accepted programs instead")
    ap.add_argument("--timeout-ms", type=int, default=5000, help="z3 timeout per query (default 5000)")
    ap.add_argument("--time-limit", type=float, default=30.0, help="the model's time bound per program (s)")
    ap.add_argument("--include-slow", action="store_true",
                    help="also run the programs KNOWN_DIVERGENCES lists as slow")
    ap.add_argument("--summary-only", action="store_true", help="print the summary without the table")
    args = ap.parse_args()
    files: list[Path] = []
    for p in map(Path, args.paths or [str(CORPUS)]):
        files += sorted(p.rglob("*.s")) if p.is_dir() else [p]
    slow = set() if args.include_slow else slow_programs()
    clock = _Z3Clock()
    z3_times: list[float] = []
    witness_times: list[float] = []
    model_times: list[float] = []
    counts: Counter[str] = Counter()
    skipped: list[str] = []
    left_out: list[str] = []
    slowest: list[tuple[float, str]] = []

    def row(*cols: str) -> None:
        if not args.summary_only:
            print(*cols)

    row(f"{'file':58} {'outcome':12} {'detail':22} {'z3':>9} {'witness':>9} {'model':>9}")
    for path in files:
        h = read_file(path)
        e = h.expectation
        if e is None:
            continue
        rel = path.resolve()
        name = str(rel.relative_to(CORPUS)) if rel.is_relative_to(CORPUS) else str(path)
        if rel.is_relative_to(ROOT) and rel.relative_to(ROOT).as_posix() in slow:
            if e.verdict == ("accept" if args.accept else "reject"):
                skipped.append(name)
            continue
        for prog in load(path):
            if args.accept:
                if e.verdict != "accept":
                    continue
                clock.reset()
                t0 = time.perf_counter()
                out = check_accept(prog, timeout_ms=args.timeout_ms, time_limit=30)
                wt = time.perf_counter() - t0
                result = {True: "ok", False: "VIOLATION", None: "unknown"}[out["ok"]]
                detail = f"{out['paths']} paths" + ("" if out["complete"] else ", bounded")
                mt = 0.0
            else:
                if e.verdict != "reject":
                    continue
                t0 = time.perf_counter()
                res = check(prog, privileged=h.privileged, log_level=0, time_limit=args.time_limit)
                mt = time.perf_counter() - t0
                if res.verdict != "reject":
                    why = res.extra.get("timeout") or res.extra.get("unsupported") or res.verdict
                    left_out.append(f"{name} (model: {res.verdict}: {str(why)[:60]})")
                    row(f"{name:58} {'model-' + res.verdict:12} {'':22} {'':>9} {'':>9} {mt * 1000:7.1f}ms")
                    continue
                clock.reset()
                t0 = time.perf_counter()
                out = explain_path(prog, res, timeout_ms=args.timeout_ms)
                wt = time.perf_counter() - t0
                result, detail = outcome(out)
            counts[result] += 1
            z3_times.append(clock.total)
            witness_times.append(wt)
            model_times.append(mt)
            slowest.append((wt, name))
            row(f"{name:58} {result:12} {detail:22} {clock.total * 1000:7.1f}ms {wt * 1000:7.1f}ms "
                f"{mt * 1000:7.1f}ms")
    what = "accepted programs (check_accept)" if args.accept else "rejected programs (model path -> explain_path)"
    print(f"\n{len(witness_times)} {what}, z3 timeout {args.timeout_ms} ms")
    print("  outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])))
    print(fmt_stats("z3", z3_times))
    print(fmt_stats("witness total", witness_times))
    if not args.accept:
        print(fmt_stats("model check", model_times))
    if slowest:
        print("  slowest: " + ", ".join(f"{n} {t * 1000:.0f} ms" for t, n in sorted(slowest, reverse=True)[:5]))
    if skipped:
        print(f"  left out ({len(skipped)}, slow in KNOWN_DIVERGENCES; --include-slow): " + ", ".join(skipped))
    if left_out:
        print(f"  no model rejection ({len(left_out)}): " + "; ".join(left_out))
    return 0


if __name__ == "__main__":
    sys.exit(main())
