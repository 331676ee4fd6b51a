"""The recorded-expectation header of corpus files (docs/ARCHITECTURE.md).

```
# scenario: ...                        (hand-written, optional)
# profile: unprivileged                (hand-written, optional)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 21
# kernel-error: Unreleased reference id=2 alloc_insn=18
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 28
# kernel-version: 6.18.44
```
The `# kernel...:` lines are written by `verifier-model record` only; writing replaces them in
place and leaves every other line of the file as it was.
"""
from __future__ import annotations

import errno as errno_mod
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from .result import Result

KernelVerdict = Literal["accept", "reject"]

_KERNEL_LINE_RE = re.compile(r"^# kernel(?:-(?P<key>[a-z]+))?: ?(?P<value>.*)$")
_HAND_LINE_RE = re.compile(r"^# (?P<key>scenario|profile): ?(?P<value>.*)$")


@dataclass(frozen=True, slots=True)
class Expectation:
    """What the kernel said about a corpus program when it was recorded."""

    verdict: KernelVerdict
    errno: str | None = None  # 'EACCES'
    insn: int | None = None  # last instruction line of the log; None for load-time errors
    errors: tuple[str, ...] = ()  # the error block, one line each
    processed: int | None = None
    version: str | None = None

    @classmethod
    def from_result(cls, result: Result, version: str | None = None) -> Expectation:
        if result.verdict not in ("accept", "reject"):
            reason = result.extra.get("reason", "no verdict")
            raise ValueError(f"cannot record a {result.verdict!r} result: {reason}")
        verdict: KernelVerdict = "accept" if result.verdict == "accept" else "reject"
        return cls(
            verdict=verdict,
            errno=errno_name(result.errno) if result.errno else None,
            insn=result.insn,
            errors=tuple(result.errors),
            processed=result.processed,
            version=version or result.extra.get("kernel"),
        )

    @property
    def errno_value(self) -> int:
        """The errno as a number (0 when none was recorded)."""
        if not self.errno:
            return 0
        if self.errno.isdigit():
            return int(self.errno)
        known = _KERNEL_ERRNOS.get(self.errno)
        return known if known is not None else int(getattr(errno_mod, self.errno, 0))

    def header_lines(self) -> list[str]:
        lines = [f"# kernel: {self.verdict}"]
        if self.errno:
            lines.append(f"# kernel-errno: {self.errno}")
        if self.insn is not None:
            lines.append(f"# kernel-insn: {self.insn}")
        lines += [f"# kernel-error: {e}" for e in self.errors]
        if self.processed is not None:
            lines.append(f"# kernel-processed: {self.processed}")
        if self.version:
            lines.append(f"# kernel-version: {self.version}")
        return lines


@dataclass(frozen=True, slots=True)
class Header:
    """Everything a corpus file's header says."""

    scenario: str | None = None
    profile: str | None = None
    expectation: Expectation | None = None

    @property
    def privileged(self) -> bool:
        return self.profile != "unprivileged"


# kernel-internal errnos (include/linux/errno.h) that reach user space from bpf()
_KERNEL_ERRNOS = {"ENOTSUPP": 524}


def errno_name(err: int) -> str:
    """'EACCES' for 13, 'ENOTSUPP' for 524; the number itself when it has no name."""
    names = {v: k for k, v in _KERNEL_ERRNOS.items()}
    return errno_mod.errorcode.get(err) or names.get(err, str(err))


def read_header(text: str) -> Header:
    """Parse the header lines (anywhere in the leading comment block)."""
    scenario = profile = None
    fields: dict[str, str] = {}
    errors: list[str] = []
    for line in _leading_comments(text.splitlines()):
        m = _KERNEL_LINE_RE.match(line)
        if m:
            key = m["key"] or "verdict"
            if key == "error":
                errors.append(m["value"])
            else:
                fields[key] = m["value"].strip()
            continue
        h = _HAND_LINE_RE.match(line)
        if h:
            if h["key"] == "scenario":
                scenario = h["value"].strip()
            else:
                profile = h["value"].strip()
    expectation = None
    if "verdict" in fields:
        verdict = fields["verdict"]
        if verdict not in ("accept", "reject"):
            raise ValueError(f"bad '# kernel:' verdict {verdict!r}")
        expectation = Expectation(
            verdict="accept" if verdict == "accept" else "reject",
            errno=fields.get("errno"),
            insn=int(fields["insn"]) if "insn" in fields else None,
            errors=tuple(errors),
            processed=int(fields["processed"]) if "processed" in fields else None,
            version=fields.get("version"),
        )
    return Header(scenario, profile, expectation)


def read_file(path: str | Path) -> Header:
    return read_header(Path(path).read_text())


def write_expectation(text: str, expectation: Expectation) -> str:
    """`text` with its `# kernel...:` lines replaced by `expectation`'s, in place; where there
    were none, the header goes after the leading `# scenario:`/`# profile:` lines."""
    lines = text.splitlines(keepends=True)
    n_leading = len(_leading_comments([ln.rstrip("\r\n") for ln in lines]))
    old = {i for i in range(n_leading) if _KERNEL_LINE_RE.match(lines[i].rstrip("\r\n"))}
    if old:
        at = min(old)
    else:
        at = 0
        while at < len(lines) and _HAND_LINE_RE.match(lines[at].rstrip("\r\n")):
            at += 1
    new = [ln + "\n" for ln in expectation.header_lines()]
    kept = [ln for i, ln in enumerate(lines) if i not in old]
    return "".join(kept[:at] + new + kept[at:])


def write_file(path: str | Path, expectation: Expectation) -> bool:
    """Record `expectation` into the file; True if its content changed."""
    p = Path(path)
    text = p.read_text()
    new = write_expectation(text, expectation)
    if new != text:
        p.write_text(new)
    return new != text


def _leading_comments(lines: list[str]) -> list[str]:
    """The lines before the first one that is not a `#` comment or blank."""
    out: list[str] = []
    for line in lines:
        if line.strip() and not line.lstrip().startswith("#"):
            break
        out.append(line)
    return out
