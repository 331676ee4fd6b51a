"""Shrink a program on which the model and the kernel disagree, keeping that disagreement.

The unit of reduction is an instruction line of the assembly text. Labels, directives and
comments are never removed by ddmin, so every `goto LABEL` / `call LABEL` still names a label that
exists: jump targets stay valid by construction (a label left with no instruction after it makes a
program the frontend or the verifiers refuse, and such a candidate simply does not keep the
divergence). Once ddmin is done, labels nothing refers to any more are dropped.

`divergence(model, kernel)` says whether and how two Results disagree; its `key` (verdicts and
first error lines with numbers masked) is what a reduction must keep, so the reproducer shows the
disagreement that was found rather than drifting to another one.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TypeVar

from ..result import Result

__all__ = ["Divergence", "ddmin", "divergence", "instruction_lines", "mask", "reduce_text"]

T = TypeVar("T")

_LABEL_RE = re.compile(r"^\s*([A-Za-z_.$][\w.$]*):\s*(?:[#;].*|//.*)?$")
_REF_RE = re.compile(r"\b(?:goto|call)\s+([A-Za-z_.$][\w.$]*)")


def mask(line: str | None) -> str:
    """A line with its numbers (and hex) masked: 'id=2 alloc_insn=18' -> 'id=N alloc_insn=N'."""
    if line is None:
        return "-"
    return re.sub(r"0x[0-9a-fA-F]+|\d+", "N", line)


@dataclass(frozen=True, slots=True)
class Divergence:
    """How the model's Result differs from the kernel's.

    kind: 'verdict' (accept vs reject), 'errors' (both reject, different error lines) or 'insn'
    (same error lines, different failing instruction).
    """

    kind: str
    model_verdict: str
    kernel_verdict: str
    model_first: str | None
    kernel_first: str | None

    @property
    def key(self) -> str:
        """The class of the disagreement: what a reduction keeps."""
        return (f"{self.kind} {self.model_verdict}/{self.kernel_verdict}: "
                f"model[{mask(self.model_first)}] kernel[{mask(self.kernel_first)}]")


def divergence(model: Result, kernel: Result, *, compare_insn: bool = True) -> Divergence | None:
    """None when the two agree on verdict, error lines and (if `compare_insn`) the instruction."""
    def mk(kind: str) -> Divergence:
        return Divergence(kind, model.verdict, kernel.verdict, model.first_error, kernel.first_error)

    if model.verdict != kernel.verdict:
        return mk("verdict")
    if model.verdict == "accept":
        return None
    if list(model.errors) != list(kernel.errors):
        return mk("errors")
    if compare_insn and model.insn != kernel.insn:
        return mk("insn")
    return None


def ddmin(items: Sequence[T], keeps: Callable[[list[T]], bool], *, max_tests: int = 2000) -> list[T]:
    """Zeller's ddmin: a 1-minimal sublist of `items` (order kept) for which `keeps` holds.

    `keeps(items)` is assumed true. Stops early (returning the smallest sublist found so far)
    after `max_tests` calls of `keeps`.
    """
    current = list(items)
    tests = 0
    n = 2
    while len(current) >= 2 and tests < max_tests:
        chunk = -(-len(current) // n)  # ceil
        subsets = [current[i:i + chunk] for i in range(0, len(current), chunk)]
        reduced = False
        # complements first: they remove the least, so they succeed most often on programs
        for k in range(len(subsets)):
            complement = [x for j, s in enumerate(subsets) if j != k for x in s]
            tests += 1
            if keeps(complement):
                current = complement
                n = max(n - 1, 2)
                reduced = True
                break
            if tests >= max_tests:
                break
        if not reduced and tests < max_tests and n > 2:
            for s in subsets:
                tests += 1
                if keeps(list(s)):
                    current = list(s)
                    n = 2
                    reduced = True
                    break
                if tests >= max_tests:
                    break
        if not reduced:
            if n >= len(current):
                break
            n = min(n * 2, len(current))
    return current


def _drop_windows(kept: list[int], test: Callable[[list[int]], bool], *, budget: int,
                  widths: tuple[int, ...] = (12, 8, 6, 4, 3, 2)) -> list[int]:
    """After ddmin (1-minimal: no single line can go), try removing runs of 2..12 adjacent lines:
    a register copy and its use, a call and its argument setup often only go together."""
    tests = 0
    changed = True
    while changed and tests < budget:
        changed = False
        for w in widths:
            i = 0
            while i + w <= len(kept) and tests < budget:
                cand = kept[:i] + kept[i + w:]
                tests += 1
                if test(cand):
                    kept, changed = cand, True
                else:
                    i += 1
    return kept


def _is_instruction(line: str) -> bool:
    s = line.strip()
    if not s or s.startswith(("#", "//", ";", ".")):
        return False
    return _LABEL_RE.match(line) is None


def instruction_lines(text: str) -> list[int]:
    """Indices (in text.splitlines()) of the instruction lines: what ddmin may remove."""
    return [i for i, line in enumerate(text.splitlines()) if _is_instruction(line)]


def _drop_unused_labels(lines: list[str]) -> list[str]:
    used = {m.group(1) for line in lines if _is_instruction(line) for m in _REF_RE.finditer(line)}
    return [line for line in lines if not ((m := _LABEL_RE.match(line)) and m.group(1) not in used)]


def reduce_text(text: str, keeps: Callable[[str], bool], *, max_tests: int = 2000) -> str:
    """The smallest text ddmin finds (instruction lines removed, everything else kept) for which
    `keeps(text)` still holds; then unreferenced labels are dropped if that keeps it too.
    `text` itself is returned when `keeps(text)` is false."""
    if not keeps(text):
        return text
    lines = text.splitlines()
    removable = instruction_lines(text)
    fixed = set(range(len(lines))) - set(removable)

    def render(kept: list[int]) -> str:
        keep = fixed | set(kept)
        return "\n".join(line for i, line in enumerate(lines) if i in keep) + "\n"

    cache: dict[tuple[int, ...], bool] = {}

    def test(kept: list[int]) -> bool:
        key = tuple(kept)
        if key not in cache:
            cache[key] = keeps(render(kept))
        return cache[key]

    kept = ddmin(removable, test, max_tests=max_tests)
    kept = _drop_windows(kept, test, budget=max_tests)
    best = render(kept)
    tidy = "\n".join(_drop_unused_labels(best.splitlines())) + "\n"
    if tidy != best and keeps(tidy):
        best = tidy
    return best
