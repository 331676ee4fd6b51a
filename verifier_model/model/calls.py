"""Callbacks of helpers that call a subprogram synchronously (push_callback_call): the callback
is explored as a pushed branch with a new frame; when it returns, the caller re-executes the
call instruction, which either explores one more iteration or carries on."""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..isa.insn import Insn
    from .env import Env
    from .state import State


def push_callback_call(env: Env, state: State, insn: Insn, insn_idx: int, subprogno: int,
                       set_callee_state: Callable[..., Any]) -> State:
    explorer = getattr(env, "explorer", None)
    if explorer is None:
        from .memory import ModelUnsupported

        raise ModelUnsupported("callbacks need the explorer")
    return explorer.push_callback(state, insn_idx, subprogno, set_callee_state)  # type: ignore[no-any-return]
