"""`verifier-model fuzz --seed S --count N --out DIR`: differential fuzzing of the model against
the running kernel.

N programs come from the seeded generator (`triage.generate`; program i of seed S is always the
same text). Each goes through the model (`model.check`) and the kernel (`kernel.load`); the two
Results are compared on verdict, error lines and failing instruction
(`triage.reduce_divergence.divergence`). Every divergence is reduced with ddmin to a small
program that still shows the same divergence and written to DIR:

- `NAME.s` the reproducer, its header stating the model's and the kernel's verdict and error
  lines (the `# kernel...:` lines in the corpus format, so it can join the corpus as it is);
- `NAME.model.log` and `NAME.kernel.log`, both verifiers' level-2 logs of the reproducer;
- `NAME.orig.s` the generated program before reduction.

With `--mutate K` each generated program first gets 1..K random mutations (deleted, swapped or
copied lines, changed constants and registers): off the generator's well-trodden paths.

Programs the model does not cover (verdict 'error': unsupported feature, its time bound, a crash)
are counted apart and copied to DIR/model-errors/. DIR/summary.json holds the figures.

Exit status: 2 when the kernel oracle is unavailable (bpf() not permitted, not Linux), else 0.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import signal
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..result import Result
from ..triage.reduce_divergence import divergence, instruction_lines, mask, reduce_text

PROG_TYPES = {"xdp": ("xdp",), "tc": ("tc",), "both": ("xdp", "tc")}


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    p.add_argument("--count", type=int, default=1000, metavar="N", help="programs to generate (default 1000)")
    p.add_argument("--out", required=True, metavar="DIR", help="where divergences are written")
    p.add_argument("-j", "--jobs", type=int, default=1, metavar="J",
                   help="worker processes (default 1: in this process)")
    p.add_argument("--unprivileged", action="store_true",
                   help="model and kernel as a loader without CAP_PERFMON/CAP_SYS_ADMIN")
    p.add_argument("--prog-type", choices=sorted(PROG_TYPES), default="both",
                   help="program type of the generated programs; 'both' alternates xdp and tc (default)")
    p.add_argument("--time-limit", type=float, default=10.0, metavar="S",
                   help="the model's time bound per program (default 10 s; past it: verdict 'error')")
    p.add_argument("--mutate", type=int, default=0, metavar="K",
                   help="apply 1..K random mutations to each generated program (delete, swap or copy an "
                        "instruction line, change a constant, rename a register); default 0: none")
    p.add_argument("--no-insn", action="store_true",
                   help="compare verdict and error lines only, not the failing instruction")
    p.add_argument("--no-reduce", action="store_true", help="write divergences as generated, unreduced")
    p.add_argument("--quiet", action="store_true", help="no progress line")


@dataclass(frozen=True, slots=True)
class FuzzOptions:
    privileged: bool = True
    time_limit: float = 10.0
    kernel_timeout: float = 30.0
    compare_insn: bool = True
    reduce: bool = True
    max_tests: int = 1500


def programs(seed: int, count: int, prog_type: str = "both") -> list[tuple[str, str]]:
    """The `count` (name, text) pairs of a run; with 'both', program i is the xdp program i of
    the seed for even i and the tc program i for odd i."""
    from ..triage.generate import generate

    types = PROG_TYPES[prog_type]
    gen = {pt: generate(seed, count, prog_type=pt) for pt in types}
    out = []
    for i in range(count):
        pt = types[i % len(types)]
        name, text = gen[pt][i]
        out.append((f"{name}_{pt}" if len(types) > 1 else name, text))
    return out


_CONSTANTS = (0, 1, 2, 4, 7, 8, -8, 12, 16, 160, 168, 170, 172, 176, 184, 200, 248, 256, -1, 4096, -512)
_NUMBER_RE = re.compile(r"(?<![\w])-?\d+")
_REG_RE = re.compile(r"\b([rw])\d\b")


def mutate(text: str, seed: int, name: str, k: int) -> str:
    """`text` with 1..k random mutations, a pure function of (text, seed, name, k). The result
    may not even parse (counted as an input error): the verifiers judge the rest."""
    rng = random.Random(f"verifier_model.fuzz.mutate:{seed}:{name}:{k}")
    lines = text.splitlines()
    insns = instruction_lines(text)
    if not insns or k <= 0:
        return text
    for _ in range(rng.randint(1, k)):
        i, j = rng.choice(insns), rng.choice(insns)
        op = rng.random()
        if op < 0.2:
            lines[i] = ""
        elif op < 0.35:
            lines[i], lines[j] = lines[j], lines[i]
        elif op < 0.5:
            lines[i] = lines[j]
        elif op < 0.8:
            nums = list(_NUMBER_RE.finditer(lines[i]))
            if nums:
                m = rng.choice(nums)
                lines[i] = f"{lines[i][:m.start()]}{rng.choice(_CONSTANTS)}{lines[i][m.end():]}"
        else:
            regs = list(_REG_RE.finditer(lines[i]))
            if regs:
                m = rng.choice(regs)
                lines[i] = f"{lines[i][:m.start()]}{m.group(1)}{rng.randrange(10)}{lines[i][m.end():]}"
    return "\n".join(lines) + "\n"


class _HardTimeout(Exception):
    pass


@contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """A wall-clock bound around the model (main thread only), beyond its own time limit."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return

    def fire(signum: int, frame: object) -> None:
        raise _HardTimeout

    old = signal.signal(signal.SIGALRM, fire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _parse(text: str, name: str) -> Any:
    from ..frontend.asm import parse

    progs = parse(text, name)
    if len(progs) != 1:
        raise ValueError(f"{name}: {len(progs)} programs")
    return progs[0]


def run_model(prog: Any, opts: FuzzOptions, log_level: int = 1) -> Result:
    """model.check, never raising: a crash or a stall becomes verdict 'error' with the reason."""
    from ..model import check

    try:
        with _alarm(2 * opts.time_limit + 5):
            return check(prog, privileged=opts.privileged, log_level=log_level, time_limit=opts.time_limit)
    except _HardTimeout:
        return Result("error", extra={"timeout": True, "reason": "hard time bound"})
    except Exception as e:  # noqa: BLE001 - a model crash is a finding, not the end of the run
        return Result("error", extra={"reason": f"crash: {type(e).__name__}: {e}"})


def run_kernel(prog: Any, opts: FuzzOptions, log_level: int = 1) -> Result:
    from ..kernel.loader import load

    return load(prog, log_level=log_level, privileged=opts.privileged, timeout=opts.kernel_timeout)


def model_error_reason(r: Result) -> str:
    """Why the model gave no verdict, in one short line (for the summary's classes)."""
    if r.extra.get("unsupported"):
        return f"unsupported: {r.extra['unsupported']}"
    if r.extra.get("timeout"):
        return "timeout"
    return str(r.extra.get("reason") or (r.first_error or "no reason given"))


def _brief(r: Result) -> dict[str, Any]:
    return {"verdict": r.verdict, "errors": list(r.errors), "insn": r.insn, "errno": r.errno,
            "processed": r.processed, "reason": model_error_reason(r) if r.verdict == "error" else None}


def fuzz_one(name: str, text: str, opts: FuzzOptions) -> dict[str, Any]:
    """One program through model and kernel; on a divergence, the reduced reproducer and both
    level-2 logs. Module-level and picklable: runs in worker processes."""
    try:
        prog = _parse(text, name)
    except Exception as e:  # noqa: BLE001 - a generator/frontend mismatch is reported, not fatal
        return {"name": name, "status": "input-error", "reason": f"{type(e).__name__}: {e}"}
    k = run_kernel(prog, opts)
    m = run_model(prog, opts)
    row: dict[str, Any] = {"name": name, "model": _brief(m), "kernel": _brief(k)}
    if k.verdict == "error":
        row.update(status="kernel-error", reason=str(k.extra.get("reason", "")))
        return row
    if m.verdict == "error":
        row.update(status="model-error", reason=model_error_reason(m), text=text)
        return row
    d = divergence(m, k, compare_insn=opts.compare_insn)
    if d is None:
        row["status"] = "agree"
        return row
    row.update(status="disagree", kind=d.kind, key=d.key, text=text)
    reduced = reduce_program(text, name, d.key, opts) if opts.reduce else text
    row["reduced"] = reduced
    try:
        rp = _parse(reduced, name)
        rm, rk = run_model(rp, opts, log_level=2), run_kernel(rp, opts, log_level=2)
        row.update(reduced_model=_brief(rm), reduced_kernel=_brief(rk), model_log=rm.log, kernel_log=rk.log)
    except Exception as e:  # noqa: BLE001
        row.update(reduced_model=row["model"], reduced_kernel=row["kernel"],
                   model_log=f"(could not rerun: {e})\n", kernel_log="")
    return row


def divergence_key(text: str, name: str, opts: FuzzOptions) -> str | None:
    """The divergence class of `text` (None: model and kernel agree, or no verdict/parse)."""
    try:
        prog = _parse(text, name)
    except Exception:  # noqa: BLE001 - a candidate the frontend refuses keeps nothing
        return None
    k = run_kernel(prog, opts)
    if k.verdict == "error":
        return None
    m = run_model(prog, opts)
    if m.verdict == "error":
        return None
    d = divergence(m, k, compare_insn=opts.compare_insn)
    return d.key if d else None


def reduce_program(text: str, name: str, key: str, opts: FuzzOptions) -> str:
    """ddmin over the instruction lines of `text`, keeping divergence class `key`."""
    return reduce_text(text, lambda t: divergence_key(t, name, opts) == key, max_tests=opts.max_tests)


# -- writing ------------------------------------------------------------------------------------


def _body(text: str) -> list[str]:
    """The program without its leading comment block (the generator's header)."""
    lines = text.splitlines()
    i = 0
    while i < len(lines) and lines[i].lstrip().startswith("#"):
        i += 1
    return lines[i:]


def _comment_header(text: str) -> list[str]:
    out = []
    for line in text.splitlines():
        if not line.lstrip().startswith("#"):
            break
        out.append(line)
    return out


def reproducer_text(row: dict[str, Any], opts: FuzzOptions) -> str:
    from ..corpus import Expectation, errno_name

    reduced = row["reduced"]
    m, k = row["reduced_model"], row["reduced_kernel"]
    n0, n1 = len(instruction_lines(row["text"])), len(instruction_lines(reduced))
    head = [f"# scenario: fuzz divergence {row['name']} ({row['kind']}), reduced from {n0} to {n1} lines"]
    head += [line.replace("# scenario:", "# generated-as:", 1) for line in _comment_header(row["text"])]
    if not opts.privileged:
        head.append("# profile: unprivileged")
    head.append(f"# divergence: {row['key']}")
    head.append(f"# model: {m['verdict']}")
    if m["insn"] is not None:
        head.append(f"# model-insn: {m['insn']}")
    head += [f"# model-error: {e}" for e in m["errors"]]
    if k["verdict"] in ("accept", "reject"):
        exp = Expectation(verdict=k["verdict"], errno=errno_name(k["errno"]) if k["errno"] else None,
                          insn=k["insn"], errors=tuple(k["errors"]), processed=k["processed"])
        head += exp.header_lines()
    else:
        head.append(f"# kernel-result: {k['verdict']} ({k.get('reason')})")
    return "\n".join(head + _body(reduced)) + "\n"


def write_row(out: Path, row: dict[str, Any], opts: FuzzOptions) -> None:
    if row["status"] == "disagree":
        (out / f"{row['name']}.s").write_text(reproducer_text(row, opts))
        (out / f"{row['name']}.orig.s").write_text(row["text"])
        (out / f"{row['name']}.model.log").write_text(row.get("model_log") or "")
        (out / f"{row['name']}.kernel.log").write_text(row.get("kernel_log") or "")
    elif row["status"] == "model-error":
        d = out / "model-errors"
        d.mkdir(exist_ok=True)
        (d / f"{row['name']}.s").write_text(f"# model-result: error ({row['reason']})\n"
                                            f"# kernel-result: {row['kernel']['verdict']}\n" + row["text"])


# -- the run ------------------------------------------------------------------------------------


def _star(job: tuple[str, str, FuzzOptions]) -> dict[str, Any]:
    return fuzz_one(*job)


def run_all(progs: list[tuple[str, str]], opts: FuzzOptions, jobs: int,
            progress: Any = None) -> Iterator[dict[str, Any]]:
    """fuzz_one over `progs`, in order; `jobs` worker processes (1: here)."""
    work = [(name, text, opts) for name, text in progs]
    if jobs <= 1:
        for job in work:
            yield _star(job)
            if progress:
                progress.step()
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        for row in pool.map(_star, work, chunksize=8):
            yield row
            if progress:
                progress.step()


def summarize(rows: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    status = Counter(r["status"] for r in rows)
    classes = Counter(r["key"] for r in rows if r["status"] == "disagree")
    examples: dict[str, list[str]] = {}
    for r in rows:
        if r["status"] == "disagree":
            examples.setdefault(r["key"], []).append(r["name"])
    model_errors = Counter(mask(r["reason"]) for r in rows if r["status"] == "model-error")
    n = len(rows) - status["input-error"]
    judged = status["agree"] + status["disagree"]
    # the two figures, over the programs both sides gave a verdict on: verdict alone, and
    # the first error line of the kernel's final block (accepted programs have none on both sides)
    both = [r for r in rows if r["status"] in ("agree", "disagree")]
    same_verdict = sum(r["model"]["verdict"] == r["kernel"]["verdict"] for r in both)
    same_first = sum(r["model"]["verdict"] == r["kernel"]["verdict"]
                     and r["model"]["errors"][:1] == r["kernel"]["errors"][:1] for r in both)
    return {
        "programs": len(rows),
        "agree": status["agree"],
        "disagree": status["disagree"],
        "model_errors": status["model-error"],
        "kernel_errors": status["kernel-error"],
        "input_errors": status["input-error"],
        "kernel_verdicts": dict(Counter(r["kernel"]["verdict"] for r in rows if "kernel" in r)),
        "agreement": status["agree"] / n if n else 0.0,
        "agreement_judged": status["agree"] / judged if judged else 0.0,
        "verdict_agreement": same_verdict / len(both) if both else 0.0,
        "first_error_agreement": same_first / len(both) if both else 0.0,
        "classes": [{"class": c, "count": k, "examples": examples[c][:5]} for c, k in classes.most_common()],
        "model_error_reasons": dict(model_errors.most_common()),
        "seconds": round(seconds, 1),
    }


def format_summary(s: dict[str, Any], header: str) -> str:
    out = [header,
           f"  programs       {s['programs']:6d}   (kernel: {s['kernel_verdicts']})",
           f"  agree          {s['agree']:6d}",
           f"  disagree       {s['disagree']:6d}"]
    for c in s["classes"]:
        out.append(f"    {c['count']:5d}  {c['class']}  e.g. {', '.join(c['examples'][:3])}")
    out.append(f"  model errors   {s['model_errors']:6d}   (verdict 'error': unsupported / time bound / crash)")
    for reason, k in list(s["model_error_reasons"].items())[:10]:
        out.append(f"    {k:5d}  {reason}")
    if s["kernel_errors"]:
        out.append(f"  kernel errors  {s['kernel_errors']:6d}   (the kernel's load timed out)")
    if s["input_errors"]:
        out.append(f"  input errors   {s['input_errors']:6d}   (mutants the frontend refuses; not counted)")
    valid = s["programs"] - s["input_errors"]
    out.append(f"  agreement      {100 * s['agreement']:.2f}%  ({s['agree']}/{valid}; "
               f"{100 * s['agreement_judged']:.2f}% of the programs the model gave a verdict on)")
    if "verdict_agreement" in s:
        out.append(f"  verdicts       {100 * s['verdict_agreement']:.2f}%  first error line "
                   f"{100 * s['first_error_agreement']:.2f}%  (of the programs the model gave a verdict on)")
    out.append(f"  time           {s['seconds']:.1f} s")
    return "\n".join(out)


def run(args: argparse.Namespace) -> int:
    from ..kernel.loader import available

    ok, reason = available()
    if not ok:
        print(f"verifier-model fuzz: the kernel oracle is unavailable: {reason}", file=sys.stderr)
        return 2
    if args.count < 0 or args.jobs < 1:
        print("verifier-model fuzz: --count must be >= 0 and --jobs >= 1", file=sys.stderr)
        return 2
    opts = FuzzOptions(privileged=not args.unprivileged, time_limit=args.time_limit,
                       compare_insn=not args.no_insn, reduce=not args.no_reduce)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    start = time.monotonic()
    progs = programs(args.seed, args.count, args.prog_type)
    if args.mutate > 0:
        progs = [(f"{name}_m", mutate(text, args.seed, name, args.mutate)) for name, text in progs]
    progress = None
    if not args.quiet:
        from .triage import Progress

        progress = Progress(len(progs))
    rows = []
    try:
        for row in run_all(progs, opts, args.jobs, progress):
            write_row(out, row, opts)
            rows.append({k: v for k, v in row.items() if k not in ("model_log", "kernel_log", "text", "reduced")})
    finally:
        if progress:
            progress.close()
    summary = summarize(rows, time.monotonic() - start)
    summary.update(seed=args.seed, count=args.count, prog_type=args.prog_type, mutate=args.mutate, jobs=args.jobs,
                   privileged=opts.privileged, compare_insn=opts.compare_insn,
                   command=" ".join(["verifier-model", "fuzz", *sys.argv[2:]]) if len(sys.argv) > 2 else None)
    (out / "summary.json").write_text(json.dumps(summary, indent=2) + "\n")
    who = "privileged" if opts.privileged else "unprivileged"
    types = "+".join(PROG_TYPES[args.prog_type]) + (f", mutated x1..{args.mutate}" if args.mutate else "")
    header = (f"fuzz seed {args.seed}: {args.count} programs ({types}), {who}, "
              f"{args.jobs} job{'s' if args.jobs != 1 else ''}")
    print(format_summary(summary, header))
    if summary["disagree"]:
        print(f"  reproducers in {out}/ (NAME.s, NAME.model.log, NAME.kernel.log)")
    return 0
