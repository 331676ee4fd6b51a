"""The one program representation every frontend produces and every backend consumes."""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from .isa.insn import Imm64Tail, Insn
from .isa.opcodes import ProgType


@dataclass(frozen=True, slots=True)
class MapDef:
    """A map the program references (`r1 = name ll`). Types use enum bpf_map_type numbers."""

    name: str
    map_type: int = 1  # BPF_MAP_TYPE_HASH
    key_size: int = 4
    value_size: int = 8
    max_entries: int = 1


@dataclass(frozen=True, slots=True)
class SourceLoc:
    """Where an instruction came from: the input file's line, or a C line from BTF.ext."""

    file: str
    line: int
    col: int = 0
    text: str = ""


@dataclass(frozen=True, slots=True)
class FuncInfo:
    """A subprogram start (slot index), its name and BTF linkage ('static' or 'global')."""

    insn: int
    name: str
    linkage: str = "static"


@dataclass(frozen=True)
class Program:
    insns: tuple[Insn, ...]  # slot-indexed, as the kernel's insnsi
    prog_type: ProgType = ProgType.XDP
    name: str = "prog"
    file: str = "<input>"
    section: str = ""
    license: str = "GPL"
    maps: tuple[MapDef, ...] = ()
    funcs: tuple[FuncInfo, ...] = ()  # subprograms after the main one (insn > 0)
    locs: tuple[SourceLoc | None, ...] = ()  # per slot, may be empty
    c_locs: tuple[SourceLoc | None, ...] = ()  # per slot, from .BTF.ext line info
    labels: dict[str, int] = field(default_factory=dict, compare=False)

    def __len__(self) -> int:
        return len(self.insns)

    def instructions(self) -> Iterator[tuple[int, Insn]]:
        """(slot index, insn) for every real instruction, skipping ld_imm64 tails."""
        for idx, insn in enumerate(self.insns):
            if not isinstance(insn, Imm64Tail):
                yield idx, insn

    def map_by_name(self, name: str) -> MapDef | None:
        for m in self.maps:
            if m.name == name:
                return m
        return None

    def loc(self, idx: int) -> SourceLoc | None:
        return self.locs[idx] if 0 <= idx < len(self.locs) else None

    def c_loc(self, idx: int) -> SourceLoc | None:
        return self.c_locs[idx] if 0 <= idx < len(self.c_locs) else None
