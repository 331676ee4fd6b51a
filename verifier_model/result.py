"""What a verifier (the model or the kernel) says about one program."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Verdict = Literal["accept", "reject", "error"]


@dataclass
class Result:
    verdict: Verdict
    errors: list[str] = field(default_factory=list)  # the final error block, verbatim
    insn: int | None = None  # failing instruction (slot index), if any
    processed: int = 0  # "processed N insns"
    states: int = 0  # total_states
    peak_states: int = 0
    log: str = ""  # the log in the kernel's format at the requested level
    errno: int = 0
    path: list[tuple[int, str]] = field(default_factory=list)  # (insn, 'taken'|'fallthrough'|'') to the error
    duration: float = 0.0
    source: str = "model"  # 'model' | 'kernel'
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def first_error(self) -> str | None:
        return self.errors[0] if self.errors else None
