"""The scalar domain against the live 6.18 verifier: straight-line programs of ALU ops and
conditional jumps on r6-r9, loaded with log_level 2; every register state the kernel prints
must equal the model's (`scalar_str`, ignoring ids and precision marks).

Skipped where bpf(BPF_PROG_LOAD) is not permitted. `python tests/test_scalar_live.py N SEED`
runs a longer random campaign and prints the first disagreements.
"""
from __future__ import annotations

import random
import re
import sys
from dataclasses import dataclass, field

import pytest

from verifier_model.isa.insn import Insn
from verifier_model.isa.opcodes import AluOp, Cls, JmpOp, ProgType
from verifier_model.model.scalar import (
    U64,
    Scalar,
    alu,
    is_branch_taken,
    maybe_fork_scalars,
    refine_cond,
    s32,
    scalar_str,
)
from verifier_model.program import Program

WORK_REGS = (6, 7, 8, 9)
_INSN_LINE = re.compile(r"^(\d+): \([0-9a-f]{2}\) .*?(?:;\s+(.*))?$")
_STATE_LINE = re.compile(r"^(\d+): (R\d+=.*)$")
_FROM_LINE = re.compile(r"^from (\d+) to (\d+): (.*)$")
_ID = re.compile(r"id=\d+(?:[+-]\d+)?,?")


def _norm(text: str) -> str:
    """Drop ids (linked-scalar bookkeeping) and the precision mark: the domain has neither."""
    text = text.removeprefix("P")
    return _ID.sub("", text).replace(",)", ")")


def _regs(text: str) -> dict[int, str]:
    """`R1=ctx() R6=scalar(smin=0,var_off=(0x0; 0xff)) ...` -> {1: 'ctx()', 6: 'scalar(...)'}."""
    out: dict[int, str] = {}
    depth, start = 0, 0
    items: list[str] = []
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == " " and depth == 0:
            items.append(text[start:i])
            start = i + 1
    items.append(text[start:])
    for item in items:
        name, _, val = item.partition("=")
        if name.startswith("R") and name[1:].isdigit():
            out[int(name[1:])] = _norm(val)
    return out


@dataclass
class Case:
    """A program under construction plus the model's expected printed states."""

    insns: list[Insn] = field(default_factory=list)
    regs: dict[int, Scalar] = field(default_factory=dict)
    # insn index -> {reg: expected text} for the "; R..." part of that insn's line
    after: dict[int, dict[int, str]] = field(default_factory=dict)
    # (from, to) -> {reg: expected text} for "from X to Y:" lines
    edges: dict[tuple[int, int], dict[int, str]] = field(default_factory=dict)
    dead: bool = False  # the model says the rest is unreachable
    forked: bool = False  # maybe_fork_scalars happened: later paths revisit insns
    open_edges: set[tuple[int, int]] = field(default_factory=set)  # both-ways jumps' side edges
    jumps: set[int] = field(default_factory=set)
    bug_lines: list[str] = field(default_factory=list)  # expected "verifier bug: ..." lines
    ops: list[str] = field(default_factory=list)

    def emit(self, insn: Insn) -> int:
        self.insns.append(insn)
        return len(self.insns) - 1

    def expect(self, idx: int, regnos: tuple[int, ...]) -> None:
        self.after[idx] = {r: scalar_str(self.regs[r]) for r in regnos}

    # --- building blocks ---------------------------------------------------------------------

    def init_unknown(self, reg: int) -> None:
        self.emit(Insn(0x85, 0, 0, 0, 7))  # call bpf_get_prandom_u32
        self.emit(Insn(0xBF, reg, 0))  # rX = r0
        self.emit(Insn(0x17, reg, 0, 0, 0))  # rX -= 0 twice: drop the id the copy shares with r0
        self.emit(Insn(0x17, reg, 0, 0, 0))
        self.regs[reg] = Scalar.unknown()
        self.regs[0] = Scalar.unknown()

    def ld_imm64(self, reg: int, value: int) -> None:
        value &= U64
        lo, hi = s32(value), s32(value >> 32)
        idx = self.emit(Insn(0x18, reg, 0, 0, lo))
        self.emit(Insn(0x00, 0, 0, 0, hi))
        self.regs[reg] = Scalar.const(value)
        self.expect(idx, (reg,))

    def alu(self, code: int, dst: int, src: int = 0, off: int = 0, imm: int = 0) -> None:
        if self.dead:
            return
        idx = self.emit(Insn(code, dst, src, off, imm))
        is64 = code & 0x07 == Cls.ALU64
        op = AluOp(code & 0xF0)
        x = bool(code & 0x08)
        d = self.regs[dst]
        s = self.regs[src] if x and op not in (AluOp.END, AluOp.NEG) else Scalar.const(imm)
        fork = maybe_fork_scalars(op, d, s)
        if fork is not None:
            d = fork[0]  # this path; the pushed one ("from N to N") is explored later
            self.forked = True
        if op in (AluOp.DIV, AluOp.MOD):
            res = Scalar.unknown()
        elif op == AluOp.END:
            res = alu(op, d, d, is64, imm=imm, to_be=x)
        else:
            res = alu(op, d, s, is64, off)
        self.regs[dst] = res
        self.ops.append(f"{idx}: code={code:#x} dst=r{dst} src=r{src} off={off} imm={imm}")
        self.expect(idx, (dst,))
        if op == AluOp.MOV and x and dst != src:
            # A register copy links dst and src by id. `dst -= 0` turns dst into a linked
            # "src + 0"; a second one cannot accumulate and clears the id.
            self.emit(Insn(0x17, dst, 0, 0, 0))
            self.emit(Insn(0x17, dst, 0, 0, 0))

    def jmp(self, code: int, dst: int, src: int = 0, imm: int = 0, follow_taken: bool = True) -> None:
        if self.dead:
            return
        is32 = code & 0x07 == Cls.JMP32
        op = JmpOp(code & 0xF0)
        x = bool(code & 0x08)
        a = self.regs[dst]
        b = self.regs[src] if x else Scalar.const(imm)
        same = x and src == dst
        pred = is_branch_taken(op, a, b, is32, same_reg=same)
        if pred >= 0:
            follow_taken = bool(pred)  # keep going on the live edge
        self.ops.append(f"{len(self.insns)}: jmp code={code:#x} dst=r{dst} src=r{src} imm={imm} "
                        f"follow_taken={follow_taken} pred={pred}")
        self.jumps.add(len(self.insns))
        if follow_taken:
            j = self.emit(Insn(code, dst, src, 2, imm))  # taken -> j+3
            self.emit(Insn(0xB7, 0, 0, 0, 0))
            self.emit(Insn(0x95))
            target = j + 3
        else:
            j = self.emit(Insn(code, dst, src, 1, imm))  # taken -> j+2 (exit block)
            self.emit(Insn(0x05, 0, 0, 2, 0))  # fall through -> j+4
            self.emit(Insn(0xB7, 0, 0, 0, 0))
            self.emit(Insn(0x95))
            target = j + 4
        if pred >= 0:
            if pred != follow_taken:
                self.dead = True
            return
        ref = refine_cond(op, a, b, is32, same_reg=same)
        self.bug_lines.extend(ref.log)
        self.open_edges.add((j, j + 2) if not follow_taken else (j, target))
        edge = ref.taken if follow_taken else ref.fall
        other = ref.fall if follow_taken else ref.taken
        regnos = (dst, src) if x else (dst,)
        if follow_taken:
            self.after[j] = {dst: scalar_str(other[0])}
            if x:
                self.after[j][src] = scalar_str(other[1])
        else:
            exp = {r: scalar_str(self.regs[r]) for r in WORK_REGS if r in self.regs}
            exp[dst] = scalar_str(other[0])
            if x:
                exp[src] = scalar_str(other[1])
            self.edges[(j, j + 2)] = exp
        self.regs[dst] = edge[0]
        if x:
            self.regs[src] = edge[1]
        if follow_taken:
            self.edges[(j, target)] = {r: scalar_str(self.regs[r]) for r in WORK_REGS if r in self.regs}
        else:
            self.after[j] = {r: scalar_str(self.regs[r]) for r in regnos}

    def finish(self) -> Program:
        self.emit(Insn(0xB7, 0, 0, 0, 0))
        self.emit(Insn(0x95))
        return Program(insns=tuple(self.insns), prog_type=ProgType.SOCKET_FILTER)


def compare(case: Case, log: str) -> list[str]:
    """Disagreements between the model's expectations and the kernel's log."""
    problems: list[str] = []
    seen_after: set[int] = set()
    seen_edges: set[tuple[int, int]] = set()
    bugs: list[str] = []
    pending: int | None = None  # insn whose state line a "verifier bug" line split off

    def check_after(idx: int, text: str) -> None:
        if idx in seen_after:
            return  # a later path (a fork re-executing): the main path came first
        seen_after.add(idx)
        got = _regs(text)
        for r, want in case.after.get(idx, {}).items():
            if r in got and got[r] != _norm(want):
                problems.append(f"insn {idx}: R{r} kernel={got[r]} model={want}")

    for line in log.splitlines():
        if line.startswith("verifier bug: "):
            bugs.append(line)
            continue
        m = _FROM_LINE.match(line)
        if m:
            key = (int(m.group(1)), int(m.group(2)))
            if key in seen_edges:
                continue
            seen_edges.add(key)
            if key[0] in case.jumps and key not in case.open_edges and not case.forked:
                problems.append(f"the kernel took edge {key} the model says is dead")
            got = _regs(m.group(3))
            for r, want in case.edges.get(key, {}).items():
                if got.get(r) != _norm(want):
                    problems.append(f"from {key}: R{r} kernel={got.get(r)} model={want}")
            continue
        m = _STATE_LINE.match(line)
        if m and pending is not None and int(m.group(1)) == pending:
            check_after(pending, m.group(2))
            pending = None
            continue
        m = _INSN_LINE.match(line)
        if m:
            pending = None
            if m.group(2):
                check_after(int(m.group(1)), m.group(2))
            else:
                pending = int(m.group(1))
    missing = [k for k in case.edges if k not in seen_edges]
    if missing:
        problems.append(f"edges the model expects but the kernel never took: {missing}")
    if not case.forked and bugs != case.bug_lines:
        problems.append(f"verifier bug lines: kernel={bugs} model={case.bug_lines}")
    return problems


# --- random programs ---------------------------------------------------------------------------

_INTERESTING = (0, 1, 2, 3, 7, 8, 15, 16, 31, 32, 63, 64, 255, 256, 0x7FFF, 0x8000, 0xFFFF,
                0x7FFFFFFF, -0x80000000, -1, -2, -8, -256, 0x12345, 1000)
_ALU_OPS = (AluOp.ADD, AluOp.SUB, AluOp.MUL, AluOp.DIV, AluOp.OR, AluOp.AND, AluOp.LSH,
            AluOp.RSH, AluOp.NEG, AluOp.MOD, AluOp.XOR, AluOp.MOV, AluOp.ARSH, AluOp.END)
_JMP_OPS = (JmpOp.JEQ, JmpOp.JGT, JmpOp.JGE, JmpOp.JSET, JmpOp.JNE, JmpOp.JSGT, JmpOp.JSGE,
            JmpOp.JLT, JmpOp.JLE, JmpOp.JSLT, JmpOp.JSLE)


def _imm(rng: random.Random) -> int:
    if rng.random() < 0.6:
        return rng.choice(_INTERESTING)
    return s32(rng.getrandbits(rng.choice((4, 8, 16, 31, 32))))


def _shape(c: Case, rng: random.Random, reg: int) -> None:
    """Give `reg` a random tnum (`&= mask; |= value` through r0) and a few range bounds, so the
    deductions between tnum, u64/s64 and u32/s32 have something to work on."""
    mask = rng.getrandbits(64) | rng.choice((0, 0xFF, 0xFFFFFFFF, 0xFFFFFFFF00000000, 0x80000000000000FF))
    if rng.random() < 0.3:
        mask = rng.choice((0xFF, 0xFFFF, 0xFFFFFFFF, 0x1FF, 0xFFFFFFFF0000000F))
    c.ld_imm64(0, mask)
    c.alu(0x5F, reg, 0)
    c.ld_imm64(0, rng.getrandbits(64) & ~mask)
    c.alu(0x4F, reg, 0)
    cur = c.regs[reg]
    for _ in range(rng.randint(0, 3)):
        op = rng.choice((JmpOp.JLT, JmpOp.JGT, JmpOp.JSLT, JmpOp.JSGT, JmpOp.JLE, JmpOp.JSGE))
        pick = rng.choice((cur.umin, cur.umax, cur.smin, cur.smax, cur.u32_min, cur.u32_max,
                           cur.var_off.value | (rng.getrandbits(64) & cur.var_off.mask)))
        c.jmp((0x06 if rng.random() < 0.4 else 0x05) | op, reg, 0, s32(pick + rng.randint(-2, 2)),
              follow_taken=rng.random() < 0.5)
        if c.dead:
            return
        cur = c.regs[reg]


def random_case(rng: random.Random, steps: int = 14, shaped: bool = False) -> Case:
    c = Case()
    for r in WORK_REGS:
        c.init_unknown(r)
    if shaped:
        for r in WORK_REGS:
            if rng.random() < 0.7 and not c.dead:
                _shape(c, rng, r)
    for _ in range(steps):
        if c.dead:
            break
        kind = rng.random()
        dst = rng.choice(WORK_REGS)
        src = rng.choice(WORK_REGS)
        if kind < 0.04:
            # `r s>>= 63; r &= K` / `w s>>= 31; w |= K`: maybe_fork_scalars territory
            is64 = rng.random() < 0.5
            c.alu(0xC7 if is64 else 0xC4, dst, 0, 0, 63 if is64 else 31)
            c.alu(rng.choice((0x57, 0x47, 0x54, 0x44)), dst, 0, 0, _imm(rng))
        elif kind < 0.1:
            c.ld_imm64(dst, rng.choice((rng.getrandbits(64), s32(_imm(rng)), _imm(rng) << 32)))
        elif kind < 0.55:
            op = rng.choice(_ALU_OPS)
            is64 = rng.random() < 0.6
            cls = 0x07 if is64 else 0x04
            x = rng.random() < 0.4
            off, imm = 0, _imm(rng)
            if op == AluOp.NEG:
                x = False
                imm = 0
            elif op == AluOp.END:
                imm = rng.choice((16, 32, 64))
                x = rng.random() < 0.5 if not is64 else False
            elif op in (AluOp.LSH, AluOp.RSH, AluOp.ARSH) and not x:
                imm = rng.randrange(64 if is64 else 32)
            elif op in (AluOp.DIV, AluOp.MOD):
                off = rng.choice((0, 1))
                if not x and imm == 0:
                    imm = 3
            elif op == AluOp.MOV and x and rng.random() < 0.4:
                off = rng.choice((8, 16, 32) if is64 else (8, 16))
            if x and op != AluOp.END:
                imm = 0
            c.alu(cls | op | (0x08 if x else 0), dst, src if x and op != AluOp.END else 0, off, imm)
        else:
            op = rng.choice(_JMP_OPS)
            is32 = rng.random() < 0.4
            x = rng.random() < 0.4
            cls = 0x06 if is32 else 0x05
            c.jmp(cls | op | (0x08 if x else 0), dst, src if x else 0, 0 if x else _imm(rng),
                  follow_taken=rng.random() < 0.5)
    return c


def _kernel():  # type: ignore[no-untyped-def]
    from verifier_model.kernel import loader

    ok, reason = loader.available()
    if not ok:
        pytest.skip(reason)
    return loader


def run_case(loader, case: Case) -> tuple[list[str], str]:  # type: ignore[no-untyped-def]
    prog = case.finish()
    res = loader.load(prog, log_level=2)
    if res.verdict != "accept":
        return [f"kernel rejected: {res.errors}"], res.log
    return compare(case, res.log), res.log


@pytest.mark.parametrize("shaped", [False, True], ids=["unknown", "shaped"])
@pytest.mark.parametrize("seed", range(20))
def test_random_programs_match_kernel(seed: int, shaped: bool) -> None:
    loader = _kernel()
    rng = random.Random(seed)
    for _ in range(20):
        case = random_case(rng, shaped=shaped)
        problems, _log = run_case(loader, case)
        assert not problems, "\n".join(problems + case.ops)



if __name__ == "__main__":
    from verifier_model.kernel import loader as _loader

    n = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 0
    rng_ = random.Random(seed)
    bad = 0
    for i in range(n):
        case_ = random_case(rng_, shaped=i % 2 == 1)
        probs, log_ = run_case(_loader, case_)
        if probs:
            bad += 1
            if bad <= 5:
                print(f"=== case {i}")
                print("\n".join(probs))
                print("\n".join(case_.ops))
    print(f"{bad}/{n} cases disagree")
