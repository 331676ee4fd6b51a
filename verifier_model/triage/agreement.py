"""Model vs kernel agreement on generated programs: the acceptance measure of the kfuncs issue
(>= 99% verdict agreement and >= 97% exact first-error-line agreement on >= 1,000 programs).

`measure(seed, count)` generates `count` programs with `triage.generate.generate(seed, count)`,
parses them with the assembly frontend, runs each through the model (`model.check`) and through
the live kernel (`kernel.load`), and returns the figures plus the disagreements grouped into
classes (the kernel's and the model's first error line with numbers masked), so the main causes
can be read off at once.
"""
from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Callable
from typing import Any

from ..program import Program
from ..result import Result

ModelFn = Callable[[Program], Result]
KernelFn = Callable[[Program], Result]
ParseFn = Callable[[str, str], list[Program]]


def _default_parse(text: str, name: str) -> list[Program]:
    from ..frontend.asm import parse

    return parse(text, name)


def _default_model(privileged: bool, profile: str) -> ModelFn:
    def run(p: Program) -> Result:
        from ..model import check

        return check(p, profile=profile, privileged=privileged)

    return run


def _default_kernel(privileged: bool) -> KernelFn:
    def run(p: Program) -> Result:
        from ..kernel import load

        return load(p, log_level=1, privileged=privileged)

    return run


def _mask(line: str | None) -> str:
    """A disagreement class key: numbers and hex masked, so 'id=2 alloc_insn=18' and
    'id=4 alloc_insn=27' fall into one class."""
    if line is None:
        return "-"
    return re.sub(r"0x[0-9a-f]+|\d+", "N", line)


def _verdict(r: Result) -> str:
    return r.verdict if r.verdict in ("accept", "reject") else "error"


def compare(model: Result, kernel: Result) -> tuple[bool, bool]:
    """(verdicts agree, first error lines agree). Two accepts agree on both counts."""
    same_verdict = _verdict(model) == _verdict(kernel)
    same_line = same_verdict and model.first_error == kernel.first_error
    return same_verdict, same_line


def measure(seed: int, count: int, *, privileged: bool = True, profile: str = "6.18",
            prog_types: tuple[str, ...] = ("xdp",), model: ModelFn | None = None, kernel: KernelFn | None = None,
            parse: ParseFn | None = None, examples: int = 3) -> dict[str, Any]:
    """Run `count` generated programs (per program type) through model and kernel; return the
    agreement figures and the disagreement classes, most frequent first."""
    from .generate import generate

    model = model or _default_model(privileged, profile)
    kernel = kernel or _default_kernel(privileged)
    parse = parse or _default_parse
    start = time.monotonic()
    n = verdict_ok = line_ok = block_ok = 0
    kernel_verdicts: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    samples: dict[str, list[str]] = {}
    model_failures: Counter[str] = Counter()
    for pt in prog_types:
        for name, text in generate(seed, count, prog_type=pt):
            progs = parse(text, name)
            if not progs:
                continue
            prog = progs[0]
            k = kernel(prog)
            try:
                m = model(prog)
            except Exception as e:  # noqa: BLE001  # a crash or an unsupported feature is a disagreement
                why = f"{type(e).__name__}: {e}"
                model_failures[_mask(why)] += 1
                m = Result(verdict="error", errors=[why], source="model")
            n += 1
            kernel_verdicts[_verdict(k)] += 1
            same_verdict, same_line = compare(m, k)
            verdict_ok += same_verdict
            line_ok += same_line
            block_ok += same_verdict and list(m.errors) == list(k.errors)
            if not same_line:
                key = f"{_verdict(m)}/{_verdict(k)}: kernel[{_mask(k.first_error)}] model[{_mask(m.first_error)}]"
                classes[key] += 1
                samples.setdefault(key, [])
                if len(samples[key]) < examples:
                    samples[key].append(name)
    return {
        "seed": seed,
        "programs": n,
        "kernel_verdicts": dict(kernel_verdicts),
        "verdict_agree": verdict_ok,
        "verdict_rate": verdict_ok / n if n else 0.0,
        "first_line_agree": line_ok,
        "first_line_rate": line_ok / n if n else 0.0,
        "error_block_agree": block_ok,
        "error_block_rate": block_ok / n if n else 0.0,
        "model_failures": dict(model_failures.most_common()),
        "classes": [{"class": c, "count": cnt, "examples": samples[c]} for c, cnt in classes.most_common()],
        "seconds": round(time.monotonic() - start, 1),
    }


def format_report(r: dict[str, Any]) -> str:
    """A few lines for a terminal or a report."""
    out = [f"seed {r['seed']}: {r['programs']} programs (kernel: {r['kernel_verdicts']}), {r['seconds']} s",
           f"  verdict agreement          {r['verdict_agree']}/{r['programs']} = {100 * r['verdict_rate']:.2f}%",
           f"  first-error-line agreement {r['first_line_agree']}/{r['programs']} = {100 * r['first_line_rate']:.2f}%",
           f"  whole error block          {r['error_block_agree']}/{r['programs']} = {100 * r['error_block_rate']:.2f}%"]
    for c in r["classes"][:15]:
        out.append(f"  {c['count']:5d}  {c['class']}  e.g. {', '.join(c['examples'])}")
    return "\n".join(out)
