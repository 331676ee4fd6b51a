"""Model batch time against the kernel's own BPF_PROG_LOAD time on the same programs.

    .venv/bin/python bench/bench_speed.py [--repeat N] [PATHS...]

Single core. The kernel figure is the bpf(BPF_PROG_LOAD) syscall time measured by the oracle
(verifier_model.kernel.loader); the model figure is `verifier_model.model.check` at log level 0
(verdict, error lines, counts) and at log level 1 (plus the kernel-format log). Programs listed
as `slow` in corpus/KNOWN_DIVERGENCES are left out (they exceed the model's time bound).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier_model.corpus import read_file
from verifier_model.frontend import load
from verifier_model.model import check


def _programs(paths: list[str]) -> list[tuple[str, object, bool]]:
    slow = set()
    for line in (ROOT / "corpus" / "KNOWN_DIVERGENCES").read_text().splitlines():
        if "|" in line and not line.startswith("#"):
            path, kind, _ = (x.strip() for x in line.split("|", 2))
            if kind == "slow":
                slow.add(path)
    files = [Path(p) for p in paths] if paths else sorted((ROOT / "corpus").rglob("*.s"))
    out = []
    for f in files:
        rel = f.resolve().relative_to(ROOT).as_posix()
        if rel in slow:
            continue
        header = read_file(f)
        for prog in load(str(f)):
            out.append((rel, prog, header.privileged))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("paths", nargs="*")
    ap.add_argument("--repeat", type=int, default=1)
    args = ap.parse_args()
    progs = _programs(args.paths)
    check(progs[0][1], log_level=0)  # warm caches (BTF, tables)

    def model_time(level: int) -> float:
        best = []
        for _ in range(args.repeat):
            t0 = time.perf_counter()
            for _, p, priv in progs:
                check(p, privileged=priv, log_level=level)  # type: ignore[arg-type]
            best.append(time.perf_counter() - t0)
        return min(best)

    m0 = model_time(0)
    m1 = model_time(1)
    print(f"programs: {len(progs)}")
    print(f"model, log level 0: {m0:.2f} s total, {1000 * m0 / len(progs):.2f} ms/program")
    print(f"model, log level 1: {m1:.2f} s total, {1000 * m1 / len(progs):.2f} ms/program")
    try:
        from verifier_model.kernel import loader

        ok, reason = loader.available()
    except Exception as e:  # noqa: BLE001
        ok, reason = False, str(e)
    if not ok:
        print(f"kernel: not available ({reason}); no ratio")
        return 0
    kernel = []
    for _ in range(args.repeat):
        total = 0.0
        for _, p, priv in progs:
            r = loader.load(p, log_level=1, privileged=priv)  # type: ignore[arg-type]
            total += r.duration
        kernel.append(total)
    k = min(kernel)
    print(f"kernel BPF_PROG_LOAD (log level 1): {k:.3f} s total, {1000 * k / len(progs):.3f} ms/program")
    print(f"ratio model(level 0)/kernel: {m0 / k:.1f}x; model(level 1)/kernel: {m1 / k:.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
