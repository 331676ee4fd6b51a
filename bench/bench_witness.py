"""z3 time per program on the corpus: explain_path on rejections, check_accept on accepts.

    python bench/bench_witness.py [--accept] [--timeout-ms N] [DIR_OR_FILE ...]

The path explained is the model's (`verifier_model.model.check(...).path`) when the model fills
it; otherwise bounded exploration looks for a run that faults at the kernel's error instruction
and its path is explained (source 'explore'); rejections with no such run are reported with
feasible 'no-fault' (their verifier path is unknown without the model).
Prints a table (file, source, feasible, detail, time) and totals; asserts nothing.
"""
from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier_model.corpus import read_file
from verifier_model.frontend import load
from verifier_model.program import Program
from verifier_model.result import Result
from verifier_model.witness import check_accept, error_kinds, explain_path
from verifier_model.witness.symbolic import explore


def model_result(prog: Program) -> Result | None:
    try:
        from verifier_model.model import check  # type: ignore[attr-defined]
    except ImportError:
        return None
    result: Result = check(prog)
    return result if result.verdict == "reject" and result.path else None


def explain_one(path: Path, prog: Program, timeout_ms: int) -> tuple[str, str, str, float]:
    e = read_file(path).expectation
    assert e is not None
    t0 = time.perf_counter()
    result = model_result(prog)
    source = "model"
    if result is None:
        source = "explore"
        result = Result("reject", errors=list(e.errors), insn=e.insn)
        kinds, _ = error_kinds(prog, result)
        if kinds is None:
            return source, "policy", "", time.perf_counter() - t0
        found = explore(prog, kinds, only_at=e.insn, bound=8, timeout_ms=timeout_ms, time_limit=10).found
        if found is None:
            return source, "no-fault", "", time.perf_counter() - t0
        result.path = [(c.insn, c.label) for c in found.state.constraints
                       if c.label in ("taken", "fallthrough")] + [(e.insn or 0, "")]
    out = explain_path(prog, result, timeout_ms=timeout_ms)
    feasible = {True: "true", False: "false", None: "null"}[out["feasible"]]
    detail = ""
    if out["feasible"]:
        detail = "replayed" if out["replayed"] else "not replayed"
    elif out["feasible"] is False:
        detail = f"branch {out['imprecise_branch']}" if out["imprecise_branch"] is not None \
            else f"insn {out['imprecise_insn']}"
    else:
        detail = out.get("reason", "")[:40]
    return source, feasible, detail, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", default=[str(ROOT / "corpus")])
    ap.add_argument("--accept", action="store_true", help="time check_accept on accepted programs instead")
    ap.add_argument("--timeout-ms", type=int, default=5000)
    args = ap.parse_args()
    files: list[Path] = []
    for p in map(Path, args.paths):
        files += sorted(p.rglob("*.s")) if p.is_dir() else [p]
    times: list[float] = []
    counts: dict[str, int] = {}
    print(f"{'file':58} {'source':8} {'result':9} {'detail':22} {'time':>8}")
    for path in files:
        h = read_file(path)
        e = h.expectation
        if e is None or not h.privileged:
            continue
        name = str(path.relative_to(ROOT / "corpus")) if path.is_relative_to(ROOT / "corpus") else str(path)
        if args.accept:
            if e.verdict != "accept":
                continue
            prog = load(path)[0]
            t0 = time.perf_counter()
            out = check_accept(prog, timeout_ms=args.timeout_ms, time_limit=30)
            dt = time.perf_counter() - t0
            result = {True: "ok", False: "VIOLATION"}[out["ok"]]
            detail = f"{out['paths']} paths" + ("" if out["complete"] else ", bounded")
            source = "bmc"
        else:
            if e.verdict != "reject" or e.insn is None:
                continue
            prog = load(path)[0]
            source, result, detail, dt = explain_one(path, prog, args.timeout_ms)
        times.append(dt)
        counts[result] = counts.get(result, 0) + 1
        print(f"{name:58} {source:8} {result:9} {detail:22} {dt * 1000:7.1f}ms")
    if times:
        print(f"\n{len(times)} programs, total {sum(times):.2f} s, median {statistics.median(times) * 1000:.1f} ms, "
              f"max {max(times) * 1000:.1f} ms")
        print("  " + ", ".join(f"{k}: {v}" for k, v in sorted(counts.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
