"""struct bpf_verifier_env: what one verification carries besides the states."""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..program import Program
from .profiles import Profile

if TYPE_CHECKING:
    from .liveness import StackLiveness


@dataclass
class Env:
    prog: Program
    profile: Profile
    log_level: int = 1
    id_gen: int = 0  # never rolled back on backtracking (kernel_semantics.md 1.4)
    log_lines: list[str] = field(default_factory=list)
    insn_processed: int = 0
    deadline: float = field(default_factory=lambda: time.monotonic() + 60.0)
    btf: object | None = None  # verifier_model.btf.Btf of the target kernel, when loaded
    insn_stack_access: tuple[int, int] | None = None  # INSN_F_STACK_ACCESS (frameno, spi) of this insn
    scratched_slots: set[int] = field(default_factory=set)  # mark_stack_slot_scratched since the last print
    loop_inline: dict[int, tuple[bool, int]] = field(default_factory=dict)  # insn_aux loop_inline_state
    liveness: StackLiveness | None = None  # env->liveness: stack reads and writes are recorded here

    def new_id(self) -> int:
        self.id_gen += 1
        return self.id_gen

    def verbose(self, line: str) -> None:
        """Append one log line (without trailing newline)."""
        self.log_lines.append(line)
