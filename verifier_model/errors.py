"""Errors as values. InputError: the input cannot be read; VerifierError: the model rejects."""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class InputError(Exception):
    """Bad input (malformed assembly, truncated ELF, ...). Rendered FILE:LINE:COL: error: MSG."""

    file: str
    line: int
    col: int
    msg: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: error: {self.msg}"


@dataclass
class VerifierError(Exception):
    """A rule rejected the program at `insn`; `lines` are the kernel's error lines verbatim."""

    insn: int | None
    lines: list[str] = field(default_factory=list)
    errno: int = 22  # EINVAL

    def __str__(self) -> str:
        return "\n".join(self.lines)


class ResourceLimit(VerifierError):
    """The 1M processed-instruction limit, the time bound, and similar."""
