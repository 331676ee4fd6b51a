"""Verifier state: struct bpf_func_state / bpf_verifier_state as immutable values.

Stack: up to 512 bytes per frame in 8-byte slots; slot i covers [fp-8*(i+1), fp-8*i). Each byte
has a kind (STACK_INVALID '?', STACK_MISC 'm', STACK_ZERO '0', STACK_SPILL 'r'); a slot whose
bytes are (partly) SPILL remembers the spilled register. References live in one list per
verifier state (6.13+), shared by all frames.
"""
from __future__ import annotations

from dataclasses import dataclass, field, replace
from enum import IntEnum

from .regs import NOT_INIT, Reg

MAX_BPF_STACK = 512
BPF_REG_SIZE = 8
MAX_CALL_FRAMES = 8


class SlotKind(IntEnum):
    """enum bpf_stack_slot_type (the kinds that matter here); the char is the log's."""

    INVALID = 0  # '?'
    SPILL = 1  # 'r'
    MISC = 2  # 'm'
    ZERO = 3  # '0'

    @property
    def char(self) -> str:
        return "?rm0"[self]


@dataclass(frozen=True, slots=True)
class StackSlot:
    """8 bytes of stack. kinds[i] is the kind of byte i counting from the slot's lowest address
    (the kernel's slot_type[] index order). `spilled` is the spilled register, if any."""

    kinds: tuple[SlotKind, ...] = (SlotKind.INVALID,) * BPF_REG_SIZE
    spilled: Reg = NOT_INIT


@dataclass(frozen=True, slots=True)
class RefState:
    """struct bpf_reference_state (REF_TYPE_PTR): the acquiring call's instruction index."""

    id: int
    insn_idx: int
    kind: str = "ptr"


@dataclass(frozen=True, slots=True)
class Frame:
    """struct bpf_func_state."""

    regs: tuple[Reg, ...]  # r0..r10
    stack: tuple[StackSlot, ...] = ()  # slot 0 is fp-8..fp-1; len() == allocated_stack/8
    frameno: int = 0
    subprogno: int = 0
    callsite: int = -1  # insn index of the call that created this frame
    in_callback: bool = False
    callback_ret_range: tuple[int, int] = (0, 1)
    callback_depth: int = 0  # bpf_loop iterations explored from this frame's current call

    @property
    def allocated_stack(self) -> int:
        return len(self.stack) * BPF_REG_SIZE

    def reg(self, n: int) -> Reg:
        return self.regs[n]

    def with_reg(self, n: int, reg: Reg) -> Frame:
        regs = list(self.regs)
        regs[n] = reg
        return replace(self, regs=tuple(regs))

    def with_slot(self, i: int, slot: StackSlot) -> Frame:
        stack = list(self.stack)
        while len(stack) <= i:
            stack.append(StackSlot())
        stack[i] = slot
        return replace(self, stack=tuple(stack))


@dataclass(frozen=True, slots=True)
class State:
    """struct bpf_verifier_state: the call frames (innermost last) and the reference list."""

    frames: tuple[Frame, ...]
    refs: tuple[RefState, ...] = ()
    insn_idx: int = 0
    branches: int = 0
    may_goto_depth: int = 0
    speculative: bool = False
    extra: tuple[tuple[str, object], ...] = field(default=())

    @property
    def cur(self) -> Frame:
        return self.frames[-1]

    @property
    def curframe(self) -> int:
        return len(self.frames) - 1

    def reg(self, n: int) -> Reg:
        return self.frames[-1].regs[n]

    def with_reg(self, n: int, reg: Reg) -> State:
        return self.with_frame(self.cur.with_reg(n, reg))

    def with_frame(self, frame: Frame, depth: int | None = None) -> State:
        frames = list(self.frames)
        frames[self.curframe if depth is None else depth] = frame
        return replace(self, frames=tuple(frames))

    def at(self, insn_idx: int) -> State:
        return replace(self, insn_idx=insn_idx)
