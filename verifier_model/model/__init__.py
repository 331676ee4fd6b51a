"""The model of the Linux BPF verifier.

`check(program) -> Result` is the one entry point: accept / reject with the kernel's error lines,
or verdict "error" when the program uses something the model does not cover (the reason is in
`Result.extra["unsupported"]`) or hits the model's time bound (`extra["timeout"]`).
"""
from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..program import Program
    from ..result import Result


def check(program: Program, *, profile: str = "6.18", privileged: bool = True, log_level: int = 1,
          time_limit: float = 30.0, btf: object | None = None) -> Result:
    """Verify `program` as the kernel of `profile` would for a privileged (root) loader, or for a
    loader without CAP_PERFMON / CAP_SYS_ADMIN when `privileged` is False."""
    from .explore import run

    return run(program, profile=profile, privileged=privileged, log_level=log_level,
               time_limit=time_limit, btf=btf)
