"""Symbolic execution of BPF in z3 bit-vectors, with exact (concrete) semantics.

Registers are 64-bit bit-vectors; memory is one flat byte array over the address layout of
witness/concrete.py (stack per call depth, ctx, packet, map values, acquired objects), so a
pointer is just its address and both interpreters agree on every value. Reads and writes at
constant addresses go through a byte map (exact and cheap); a symbolic address falls back to
z3 Array store/select. The environment is free input: packet bytes and length, ctx fields,
uninitialised stack and object bytes (the initial array `mem0`), prandom values, and one Bool
per acquiring call saying whether it returned an object (`lookup_<n>`).

`Executor.step(state)` executes one instruction and returns its successors, each with the
branch condition it adds, plus the *violation* conditions of the requested error kinds at that
instruction (a leak at exit, an out-of-bounds access, a double release, ...). Two drivers use
it: `follow_path` replays the path the verifier reported (witness/__init__.py turns it into a
witness or an "imprecise" verdict), and `explore` enumerates every path up to a bound for
`check_accept`.
"""
from __future__ import annotations

import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, TypeAlias

import z3

from ..isa.insn import Alu, Imm64Tail, Jmp, LegacyLoad, Load, LoadImm64, Store, StoreImm
from ..isa.opcodes import (
    PSEUDO_FUNC,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_IDX,
    PSEUDO_MAP_IDX_VALUE,
    PSEUDO_MAP_VALUE,
    AluOp,
    AtomicOp,
    JmpOp,
    Mode,
    ProgType,
    Src,
)
from ..program import Program
from .concrete import (
    ARRAY_MAP_TYPES,
    ARRAY_STRIDE,
    BPF_MAX_LOOPS,
    CTX_BASE,
    E2BIG,
    EAFNOSUPPORT,
    EFAULT,
    EINVAL,
    ENOENT,
    ENONET,
    EPROTO,
    FUNC_BASE,
    IPPROTO_TCP,
    IPPROTO_UDP,
    LOAD_ACQ,
    MAP_PTR_BASE,
    MAX_CALL_DEPTH,
    NULL_LIMIT,
    OBJ_SIZES,
    PKT_BASE,
    PKT_MAX,
    REGION_GAP,
    STACK_SIZE,
    STORE_REL,
    CallKind,
    CallSpec,
    ErrorKind,
    Inputs,
    Unsupported,
    array_base,
    array_elem_base,
    call_name,
    call_spec,
    ctx_fields,
    ctx_pointer_fields,
    ctx_size,
    hash_value_base,
    map_index,
    map_ptr,
    obj_base,
    region_name_of,
    stack_base,
)

_ACCESS_KINDS = frozenset({ErrorKind.NULL_DEREF, ErrorKind.USE_AFTER_RELEASE, ErrorKind.OUT_OF_BOUNDS})
_OBJECT_KINDS = frozenset({ErrorKind.NULL_DEREF, ErrorKind.USE_AFTER_RELEASE, ErrorKind.DOUBLE_RELEASE,
                           ErrorKind.BAD_OBJECT})
BV: TypeAlias = z3.BitVecRef
B: TypeAlias = z3.BoolRef
M64 = (1 << 64) - 1
TRUE = z3.BoolVal(True)
FALSE = z3.BoolVal(False)


def bv(value: int, bits: int = 64) -> BV:
    return z3.BitVecVal(value & ((1 << bits) - 1), bits)


def as_int(e: z3.ExprRef) -> int | None:
    """The value of an expression that simplifies to a constant, else None."""
    s = z3.simplify(e)
    if z3.is_bv_value(s):
        return s.as_long()
    return None


def is_false(c: B) -> bool:
    return z3.is_false(z3.simplify(c))


def is_true(c: B) -> bool:
    return z3.is_true(z3.simplify(c))


def any_of(conds: Iterable[B]) -> B:
    cs = [c for c in conds if not z3.is_false(c)]
    if not cs:
        return FALSE
    return cs[0] if len(cs) == 1 else z3.Or(*cs)


# --- ALU and JMP -----------------------------------------------------------------------------


def alu_sym(op: AluOp, a: BV, b: BV, *, signed: bool = False, movsx: int = 0) -> BV:
    """One ALU operation on equal-width bit-vectors, BPF semantics (see concrete.alu_value)."""
    bits = a.size()
    zero = z3.BitVecVal(0, bits)
    if op == AluOp.ADD:
        return a + b
    if op == AluOp.SUB:
        return a - b
    if op == AluOp.MUL:
        return a * b
    if op == AluOp.DIV:
        return z3.If(b == zero, zero, a / b if signed else z3.UDiv(a, b))
    if op == AluOp.MOD:
        return z3.If(b == zero, a, z3.SRem(a, b) if signed else z3.URem(a, b))
    if op == AluOp.OR:
        return a | b
    if op == AluOp.AND:
        return a & b
    if op == AluOp.XOR:
        return a ^ b
    shift = b & z3.BitVecVal(bits - 1, bits)
    if op == AluOp.LSH:
        return a << shift
    if op == AluOp.RSH:
        return z3.LShR(a, shift)
    if op == AluOp.ARSH:
        return a >> shift
    if op == AluOp.NEG:
        return -a
    if op == AluOp.MOV:
        return z3.SignExt(bits - movsx, z3.Extract(movsx - 1, 0, b)) if movsx else b
    raise Unsupported(f"ALU op {op!r}")


def bswap_sym(v: BV, bits: int) -> BV:
    """Byte-swap the low `bits` of a 64-bit value, zero-extended."""
    parts = [z3.Extract(8 * i + 7, 8 * i, v) for i in range(bits // 8)]
    swapped = parts[0] if len(parts) == 1 else z3.Concat(*parts)
    return z3.ZeroExt(64 - bits, swapped) if bits < 64 else swapped


def jmp_cond(op: JmpOp, a: BV, b: BV) -> B:
    conds: dict[JmpOp, Any] = {
        JmpOp.JEQ: lambda: a == b, JmpOp.JNE: lambda: a != b,
        JmpOp.JGT: lambda: z3.UGT(a, b), JmpOp.JGE: lambda: z3.UGE(a, b),
        JmpOp.JLT: lambda: z3.ULT(a, b), JmpOp.JLE: lambda: z3.ULE(a, b),
        JmpOp.JSGT: lambda: a > b, JmpOp.JSGE: lambda: a >= b,
        JmpOp.JSLT: lambda: a < b, JmpOp.JSLE: lambda: a <= b,
        JmpOp.JSET: lambda: (a & b) != z3.BitVecVal(0, a.size()),
    }
    if op not in conds:
        raise Unsupported(f"jump op {op!r}")
    result: B = conds[op]()
    return result


# --- state -----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class SymObject:
    """An object an acquiring call may have returned (the n-th acquiring call of the path)."""

    n: int
    base: int
    size: int
    exists: B  # the call returned it
    live: B  # not released (yet)
    init: B  # an nf_conn___init (alloc'd, not inserted)
    sock: bool
    insn: int


@dataclass(frozen=True, slots=True)
class HashValue:
    n: int
    base: int
    size: int
    exists: B


@dataclass(slots=True)
class SymFrame:
    return_pc: int
    saved: list[BV]  # r6..r9
    saved_fp: BV
    loop: tuple[int, int, BV, BV, int] | None = None  # callback insn, iteration, nr, ctx, call insn


@dataclass(slots=True)
class Constraint:
    """A condition the path adds: a branch direction, or an implicit one ('implicit')."""

    insn: int
    cond: B
    label: str  # 'taken' | 'fallthrough' | 'implicit' | 'enter' | 'skip' | 'continue' | 'stop'


@dataclass(slots=True)
class SymState:
    pc: int
    regs: list[BV]
    frames: list[SymFrame]
    known: dict[int, BV]  # byte at a constant address, exact while `exact`
    arr: z3.ArrayRef  # the whole memory (initial mem0 plus every store)
    exact: bool  # no store at a symbolic address yet
    objects: list[SymObject]
    hashes: list[HashValue]
    counters: dict[str, int]
    vars: dict[str, list[z3.ExprRef]]  # input variables by Inputs field, in call order
    reads: list[BV]  # addresses whose initial content was read
    constraints: list[Constraint]
    visits: dict[int, int]
    ended: bool = False

    def copy(self) -> SymState:
        return SymState(
            self.pc, list(self.regs),
            [SymFrame(f.return_pc, list(f.saved), f.saved_fp, f.loop) for f in self.frames],
            dict(self.known), self.arr, self.exact, list(self.objects), list(self.hashes),
            dict(self.counters), {k: list(v) for k, v in self.vars.items()}, list(self.reads),
            list(self.constraints), dict(self.visits), self.ended,
        )

    def next(self, counter: str) -> int:
        n = self.counters.get(counter, 0)
        self.counters[counter] = n + 1
        return n

    def live_any(self) -> B:
        return any_of(o.live for o in self.objects)


@dataclass(slots=True)
class Successor:
    state: SymState
    cond: B | None  # None: unconditional
    label: str = ""


@dataclass(slots=True)
class StepResult:
    successors: list[Successor]
    violations: list[tuple[ErrorKind, B]] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class _Access:
    guard: B
    addr: BV
    size: int


# --- the executor ----------------------------------------------------------------------------


class Executor:
    """Symbolic semantics of one program. States are mutated in place by `step`; a branch copies."""

    def __init__(self, program: Program) -> None:
        self.program = program
        self.prog_type = int(program.prog_type)
        self.mem0 = z3.Array("mem0", z3.BitVecSort(64), z3.BitVecSort(8))
        self.pkt_len = z3.BitVec("pkt_len", 64)
        self.ctx_size = ctx_size(self.prog_type)
        self.ctx_ptr_fields = ctx_pointer_fields(self.prog_type)

    def background(self) -> list[B]:
        """Facts true of every run: the packet fits the model's bound."""
        return [z3.ULE(self.pkt_len, PKT_MAX)]

    def initial_state(self, start: int = 0) -> SymState:
        regs = [bv(0) for _ in range(11)]
        regs[1] = bv(CTX_BASE)
        regs[10] = bv(stack_base(0) + STACK_SIZE)
        st = SymState(start, regs, [], {}, self.mem0, True, [], [], {}, {}, [], [], {})
        if self.prog_type != ProgType.XDP:  # skb->len is the packet length
            self._write(st, bv(CTX_BASE), 4, z3.Extract(31, 0, self.pkt_len))
        return st

    # -- memory --

    def _read_byte(self, st: SymState, addr: BV) -> BV:
        a = as_int(addr)
        if a is not None:
            if a in st.known:
                return st.known[a]
            st.reads.append(bv(a))
            return z3.Select(self.mem0 if st.exact else st.arr, bv(a))
        st.reads.append(addr)
        return z3.Select(st.arr, addr)

    def _read(self, st: SymState, addr: BV, size: int) -> BV:
        """Little-endian load of `size` bytes (ctx pointer fields are rewritten, as the kernel does)."""
        a = as_int(addr)
        if a is not None and CTX_BASE <= a < CTX_BASE + self.ctx_size and a - CTX_BASE in self.ctx_ptr_fields:
            return self._ctx_pointer(self.ctx_ptr_fields[a - CTX_BASE])
        parts = [self._read_byte(st, z3.simplify(addr + i)) for i in range(size)]
        v = parts[0] if size == 1 else z3.Concat(*reversed(parts))
        return z3.simplify(v)

    def _ctx_pointer(self, fname: str) -> BV:
        if fname in ("data", "data_meta"):
            return bv(PKT_BASE)
        if fname == "data_end":
            return z3.simplify(bv(PKT_BASE) + self.pkt_len)
        return bv(0)  # skb->sk

    def _write(self, st: SymState, addr: BV, size: int, value: BV) -> None:
        a = as_int(addr)
        for i in range(size):
            byte = z3.simplify(z3.Extract(8 * i + 7, 8 * i, value))
            if a is not None:
                ai = bv(a + i)
                st.arr = z3.Store(st.arr, ai, byte)
                st.known[(a + i) & M64] = byte
            else:
                st.arr = z3.Store(st.arr, addr + i, byte)
                st.known.clear()
                st.exact = False

    # -- regions and violations --

    def _in(self, a: BV, base: int, size: int | BV, n: int) -> B:
        """[a, a+n) lies inside [base, base+size)."""
        rel = a - bv(base)
        if isinstance(size, int):
            return z3.ULE(rel, bv(size - n)) if size >= n else FALSE
        return z3.And(z3.UGE(size, bv(n)), z3.ULE(rel, size - bv(n)))

    def _in_closed(self, a: BV, base: int, size: int | BV) -> B:
        """a lies in [base, base+size] (a pointer may point one past the end)."""
        rel = a - bv(base)
        return z3.ULE(rel, bv(size) if isinstance(size, int) else size)

    def _regions(self, st: SymState) -> Iterator[tuple[B, int, int | BV]]:
        """(guard, base, size) of every region valid in this state."""
        yield TRUE, CTX_BASE, self.ctx_size
        yield TRUE, PKT_BASE, self.pkt_len
        for d in range(len(st.frames) + 1):
            yield TRUE, stack_base(d), STACK_SIZE
        for h in st.hashes:
            yield h.exists, h.base, h.size
        for o in st.objects:
            yield o.live, o.base, o.size

    def _array_ok(self, a: BV, n: int) -> B:
        conds = []
        for m, md in enumerate(self.program.maps):
            if md.map_type in ARRAY_MAP_TYPES and md.value_size >= n:
                rel = a - bv(array_base(m))
                conds.append(z3.And(z3.ULT(z3.LShR(rel, 20), bv(md.max_entries)),
                                    z3.ULE(rel & bv(ARRAY_STRIDE - 1), bv(md.value_size - n))))
        return any_of(conds)

    def access_violation(self, st: SymState, acc: _Access, kinds: frozenset[ErrorKind]) -> B:
        a, n = acc.addr, acc.size
        null = z3.ULT(a, bv(NULL_LIMIT))
        uar = any_of(z3.And(o.exists, z3.Not(o.live), self._in(a, o.base, o.size, n)) for o in st.objects)
        out: list[B] = []
        if ErrorKind.NULL_DEREF in kinds:
            out.append(null)
        if ErrorKind.USE_AFTER_RELEASE in kinds:
            out.append(uar)
        if ErrorKind.OUT_OF_BOUNDS in kinds:
            valid = any_of([self._array_ok(a, n)] + [z3.And(g, self._in(a, base, size, n))
                                                     for g, base, size in self._regions(st)])
            out.append(z3.Not(z3.Or(valid, null, uar)))
        return z3.And(acc.guard, any_of(out))

    def object_violation(self, st: SymState, p: BV, spec: CallSpec, kinds: frozenset[ErrorKind],
                         *, release: bool) -> B:
        """The runtime checks of a kfunc object argument (concrete.Machine.object_arg)."""
        hits = [(o, p == bv(o.base)) for o in st.objects]
        is_obj = any_of(z3.And(o.exists, h) for o, h in hits)
        out: list[B] = []
        if ErrorKind.NULL_DEREF in kinds and not spec.null_ok:
            out.append(p == bv(0))
        dead = any_of(z3.And(o.exists, z3.Not(o.live), h) for o, h in hits)
        if (ErrorKind.DOUBLE_RELEASE if release else ErrorKind.USE_AFTER_RELEASE) in kinds:
            out.append(dead)
        if ErrorKind.BAD_OBJECT in kinds:
            wrong = any_of(z3.And(o.live, h, self._wrong_type(o, spec)) for o, h in hits)
            out.append(z3.Or(z3.And(p != bv(0), z3.Not(is_obj)), wrong))
        return any_of(out)

    @staticmethod
    def _wrong_type(o: SymObject, spec: CallSpec) -> B:
        if spec.obj == "sock":
            return z3.BoolVal(not o.sock)
        if o.sock:
            return TRUE
        return z3.Not(o.init) if spec.obj == "nf_conn___init" else o.init

    def pointer_escape(self, st: SymState, before: list[BV], after: BV) -> B:
        """Pointer arithmetic moved a pointer out of its region (the concrete reading of the
        verifier's 'pointer arithmetic out of range' rejections)."""
        out = []
        for g, base, size in self._regions(st):
            if base == CTX_BASE:
                continue
            was_in = any_of(self._in_closed(x, base, size) for x in before)
            out.append(z3.And(g, was_in, z3.Not(self._in_closed(after, base, size))))
        for m, md in enumerate(self.program.maps):
            if md.map_type in ARRAY_MAP_TYPES:
                for x in before:
                    rel_b, rel_a = x - bv(array_base(m)), after - bv(array_base(m))
                    inside = z3.And(z3.ULT(z3.LShR(rel_b, 20), bv(md.max_entries)),
                                    z3.ULE(rel_b & bv(ARRAY_STRIDE - 1), bv(md.value_size)))
                    same = z3.And(z3.LShR(rel_a, 20) == z3.LShR(rel_b, 20),
                                  z3.ULE(rel_a & bv(ARRAY_STRIDE - 1), bv(md.value_size)))
                    out.append(z3.And(inside, z3.Not(same)))
        return any_of(out)

    # -- inputs --

    @staticmethod
    def _bool_var(st: SymState, key: str, name: str) -> B:
        """A fresh input Bool, the n-th of its `Inputs` list (the same list index concretely)."""
        v = z3.Bool(f"{name}_{st.next(key)}")
        st.vars.setdefault(key, []).append(v)
        return v

    @staticmethod
    def _bv_var(st: SymState, key: str, name: str, bits: int) -> BV:
        v = z3.BitVec(f"{name}_{st.next(key)}", bits)
        st.vars.setdefault(key, []).append(v)
        return v

    # -- stepping --

    def step(self, st: SymState, want: frozenset[ErrorKind] = frozenset()) -> StepResult:
        """Execute the instruction at st.pc (mutating st). Violations are computed for `want`."""
        insns = self.program.insns
        pc = st.pc
        if not 0 <= pc < len(insns) or isinstance(insns[pc], Imm64Tail):
            raise Unsupported(f"pc {pc} is not an instruction")
        insn = insns[pc]
        st.visits[pc] = st.visits.get(pc, 0) + 1
        res = StepResult([Successor(st, None)])
        accesses: list[_Access] = []
        if isinstance(insn, Alu):
            before = [st.regs[insn.dst], st.regs[insn.src]]
            st.regs[insn.dst] = self._alu(st, insn)
            st.pc = pc + 1
            if ErrorKind.OUT_OF_BOUNDS in want and insn.is64 and insn.op in (AluOp.ADD, AluOp.SUB):
                ptrs = before if (insn.op == AluOp.ADD and insn.source == Src.X) else before[:1]
                res.violations.append((ErrorKind.OUT_OF_BOUNDS, self.pointer_escape(st, ptrs, st.regs[insn.dst])))
        elif isinstance(insn, Jmp):
            return self._jmp(st, insn, pc, want)
        elif isinstance(insn, Load):
            if insn.mode not in (Mode.MEM, Mode.MEMSX):
                raise Unsupported(f"load mode {insn.mode!r}")
            addr = z3.simplify(st.regs[insn.src] + insn.off)
            accesses.append(_Access(TRUE, addr, insn.size))
            v = self._read(st, addr, insn.size)
            if v.size() < 64:
                v = z3.SignExt(64 - v.size(), v) if insn.sign_extend else z3.ZeroExt(64 - v.size(), v)
            st.regs[insn.dst] = z3.simplify(v)
            st.pc = pc + 1
        elif isinstance(insn, StoreImm):
            addr = z3.simplify(st.regs[insn.dst] + insn.off)
            accesses.append(_Access(TRUE, addr, insn.size))
            self._write(st, addr, insn.size, bv(insn.imm))
            st.pc = pc + 1
        elif isinstance(insn, Store):
            addr = z3.simplify(st.regs[insn.dst] + insn.off)
            accesses.append(_Access(TRUE, addr, insn.size))
            if insn.is_atomic:
                self._atomic(st, insn, addr)
            else:
                self._write(st, addr, insn.size, st.regs[insn.src])
            st.pc = pc + 1
        elif isinstance(insn, LoadImm64):
            st.regs[insn.dst] = self._ld_imm64(insn, pc)
            st.pc = pc + 2
        elif isinstance(insn, LegacyLoad):
            return self._ld_abs(st, insn, pc, want)
        else:
            raise Unsupported(f"instruction {insn!r}")
        self._access_violations(st, accesses, want, res)
        return res

    def _access_violations(self, st: SymState, accesses: list[_Access], want: frozenset[ErrorKind],
                           res: StepResult) -> None:
        for kind in sorted(want & _ACCESS_KINDS):
            cond = any_of(self.access_violation(st, acc, frozenset({kind})) for acc in accesses)
            if not z3.is_false(cond):
                res.violations.append((kind, cond))

    def _alu(self, st: SymState, insn: Alu) -> BV:
        dst = st.regs[insn.dst]
        if insn.op == AluOp.END:
            bits = insn.imm
            if bits not in (16, 32, 64):
                raise Unsupported(f"byte swap width {bits}")
            if insn.is64 or insn.source == Src.X:
                return z3.simplify(bswap_sym(dst, bits))
            return z3.simplify(z3.ZeroExt(64 - bits, z3.Extract(bits - 1, 0, dst)) if bits < 64 else dst)
        src = st.regs[insn.src] if insn.source == Src.X else bv(insn.imm)
        if insn.is64:
            r = alu_sym(insn.op, dst, src, signed=insn.signed, movsx=insn.movsx_bits)
        else:
            r32 = alu_sym(insn.op, z3.Extract(31, 0, dst), z3.Extract(31, 0, src), signed=insn.signed,
                          movsx=insn.movsx_bits)
            r = z3.ZeroExt(32, r32)
        return z3.simplify(r)

    def _jmp(self, st: SymState, insn: Jmp, pc: int, want: frozenset[ErrorKind]) -> StepResult:
        op = insn.op
        if op == JmpOp.JA:
            st.pc = insn.target(pc)
            return StepResult([Successor(st, None)])
        if op == JmpOp.EXIT:
            return self._exit(st, pc, want)
        if op == JmpOp.CALL:
            return self._call(st, insn, pc, want)
        if op == JmpOp.JCOND:
            cond = self._bool_var(st, "may_goto", "may_goto")
        else:
            if insn.is32:
                a = z3.Extract(31, 0, st.regs[insn.dst])
                b = z3.Extract(31, 0, st.regs[insn.src]) if insn.source == Src.X else bv(insn.imm, 32)
            else:
                a = st.regs[insn.dst]
                b = st.regs[insn.src] if insn.source == Src.X else bv(insn.imm)
            cond = z3.simplify(jmp_cond(op, a, b))
        taken = st.copy()
        taken.pc = insn.target(pc)
        st.pc = pc + 1
        not_cond = z3.simplify(z3.Not(cond))
        return StepResult([Successor(st, not_cond, "fallthrough"), Successor(taken, cond, "taken")])

    def _exit(self, st: SymState, pc: int, want: frozenset[ErrorKind]) -> StepResult:
        if not st.frames:
            st.ended = True
            viol = [(ErrorKind.LEAK, st.live_any())] if ErrorKind.LEAK in want else []
            return StepResult([], viol)
        frame = st.frames.pop()
        if frame.loop is not None:
            cb, i, nr, ctx, call_pc = frame.loop
            again = z3.simplify(z3.And(st.regs[0] == bv(0), z3.ULT(bv(i + 1), nr)))
            cont = st.copy()
            self._enter_callback(cont, frame, cb, i + 1, nr, ctx, call_pc)
            self._return(st, frame)
            st.regs[0] = bv(i + 1)
            return StepResult([Successor(st, z3.simplify(z3.Not(again)), "stop"),
                               Successor(cont, again, "continue")])
        self._return(st, frame)
        return StepResult([Successor(st, None)])

    @staticmethod
    def _return(st: SymState, frame: SymFrame) -> None:
        st.regs[6:10] = frame.saved
        st.regs[10] = frame.saved_fp
        for r in range(1, 6):
            st.regs[r] = bv(0)
        st.pc = frame.return_pc

    def _enter_callback(self, st: SymState, frame: SymFrame, cb: int, i: int, nr: BV, ctx: BV,
                        call_pc: int) -> None:
        if len(st.frames) + 1 >= MAX_CALL_DEPTH:
            raise Unsupported("call depth beyond 8 frames")
        st.frames.append(SymFrame(frame.return_pc, list(frame.saved), frame.saved_fp, (cb, i, nr, ctx, call_pc)))
        st.regs[10] = bv(stack_base(len(st.frames)) + STACK_SIZE)
        st.regs[1], st.regs[2] = bv(i), ctx
        st.pc = cb

    def _ld_imm64(self, insn: LoadImm64, pc: int) -> BV:
        if insn.pseudo == 0:
            return bv(insn.value)
        if insn.pseudo in (PSEUDO_MAP_FD, PSEUDO_MAP_IDX, PSEUDO_MAP_VALUE, PSEUDO_MAP_IDX_VALUE):
            idx = map_index(self.program, insn)
            if insn.pseudo in (PSEUDO_MAP_FD, PSEUDO_MAP_IDX):
                return bv(map_ptr(idx))
            return bv(array_elem_base(idx, 0) + insn.imm_hi)
        if insn.pseudo == PSEUDO_FUNC:
            return bv(FUNC_BASE + pc + 1 + insn.imm)
        raise Unsupported(f"ld_imm64 pseudo {insn.pseudo}")

    def _ld_abs(self, st: SymState, insn: LegacyLoad, pc: int, want: frozenset[ErrorKind]) -> StepResult:
        off = bv(insn.imm)
        if insn.mode == Mode.IND:
            off = z3.SignExt(32, z3.Extract(31, 0, st.regs[insn.src])) + bv(insn.imm)
        off = z3.simplify(off)
        size = insn.size
        inside = z3.simplify(z3.And(off >= bv(0), z3.ULE(off + size, self.pkt_len)))
        viol = [(ErrorKind.LEAK, z3.And(z3.Not(inside), st.live_any()))] if ErrorKind.LEAK in want else []
        parts = [self._read_byte(st, z3.simplify(bv(PKT_BASE) + off + i)) for i in range(size)]
        value = parts[0] if size == 1 else z3.Concat(*parts)  # network byte order
        st.regs[0] = z3.simplify(z3.ZeroExt(64 - 8 * size, value))
        for r in range(1, 6):
            st.regs[r] = bv(0)
        st.pc = pc + 1
        return StepResult([Successor(st, inside, "implicit")], viol)

    def _atomic(self, st: SymState, insn: Store, addr: BV) -> None:
        size, op = insn.size, insn.imm
        bits = 8 * size
        if op == LOAD_ACQ:
            v = self._read(st, addr, size)
            st.regs[insn.src] = z3.simplify(z3.ZeroExt(64 - bits, v) if bits < 64 else v)
            return
        if op == STORE_REL:
            self._write(st, addr, size, st.regs[insn.src])
            return
        old = self._read(st, addr, size)
        operand = z3.Extract(bits - 1, 0, st.regs[insn.src])
        old64 = z3.simplify(z3.ZeroExt(64 - bits, old) if bits < 64 else old)
        if op == AtomicOp.XCHG:
            self._write(st, addr, size, operand)
            st.regs[insn.src] = old64
            return
        if op == AtomicOp.CMPXCHG:
            expected = z3.Extract(bits - 1, 0, st.regs[0])
            self._write(st, addr, size, z3.simplify(z3.If(expected == old, operand, old)))
            st.regs[0] = old64
            return
        base = op & ~AtomicOp.FETCH
        fns: dict[int, Any] = {AtomicOp.ADD: lambda: old + operand, AtomicOp.OR: lambda: old | operand,
                               AtomicOp.AND: lambda: old & operand, AtomicOp.XOR: lambda: old ^ operand}
        if base not in fns:
            raise Unsupported(f"atomic op {op:#x}")
        self._write(st, addr, size, z3.simplify(fns[base]()))
        if op & AtomicOp.FETCH:
            st.regs[insn.src] = old64

    # -- calls --

    def _call(self, st: SymState, insn: Jmp, pc: int, want: frozenset[ErrorKind]) -> StepResult:
        if insn.is_pseudo_call:
            if len(st.frames) + 1 >= MAX_CALL_DEPTH:
                raise Unsupported("call depth beyond 8 frames")
            st.frames.append(SymFrame(pc + 1, list(st.regs[6:10]), st.regs[10]))
            st.regs[10] = bv(stack_base(len(st.frames)) + STACK_SIZE)
            st.pc = pc + 1 + insn.imm  # bpf-to-bpf calls jump by imm
            return StepResult([Successor(st, None)])
        name = call_name(insn)
        spec = call_spec(name, kfunc=insn.is_kfunc_call)
        if spec.kind == CallKind.LOOP:
            return self._loop(st, pc)
        res = StepResult([Successor(st, None)])
        accesses: list[_Access] = []
        r = st.regs
        r0: BV | None
        if spec.kind == CallKind.CT_ACQUIRE:
            r0 = self._ct_acquire(st, spec, pc, accesses)
        elif spec.kind == CallKind.SK_ACQUIRE:
            r0 = self._sk_acquire(st, pc, accesses)
        elif spec.kind in (CallKind.RELEASE, CallKind.INSERT, CallKind.OBJECT_OP):
            release = spec.kind != CallKind.OBJECT_OP
            for kind in sorted(want & _OBJECT_KINDS):
                cond = self.object_violation(st, r[1], spec, frozenset({kind}), release=release)
                if not z3.is_false(cond):
                    res.violations.append((kind, cond))
            r0 = self._object_call(st, spec, name, pc, accesses)
        elif spec.kind == CallKind.MAP_LOOKUP:
            r0 = self._map_lookup(st, accesses)
        elif spec.kind == CallKind.MAP_UPDATE:
            r0 = self._map_update(st, accesses)
        elif spec.kind == CallKind.MAP_DELETE:
            md = self.program.maps[self._map_arg(r[1])]
            accesses.append(_Access(TRUE, r[2], md.key_size))
            r0 = self._bv_var(st, "helper_results", "helper", 64)
        elif spec.kind == CallKind.PRANDOM:
            r0 = z3.ZeroExt(32, self._bv_var(st, "prandom", "prandom", 32))
        elif spec.kind == CallKind.SCALAR:
            r0 = self._bv_var(st, "helper_results", "helper", 64)
        elif spec.kind == CallKind.TAIL_CALL:
            return self._tail_call(st, pc, want)
        elif spec.kind == CallKind.LOAD_BYTES:
            r0 = self._load_bytes(st, name, accesses)
        else:
            raise Unsupported(f"call {name or insn.imm} is not modelled")
        self._access_violations(st, accesses, want, res)
        for i in range(1, 6):
            st.regs[i] = bv(0)
        if r0 is not None:
            st.regs[0] = z3.simplify(r0)
        st.pc = pc + 1
        return res

    def _sized_access(self, guard: B, addr: BV, size: BV, choices: tuple[int, ...]) -> list[_Access]:
        n = as_int(size)
        if n is not None:
            return [_Access(guard, addr, n)] if n > 0 else []
        return [_Access(z3.And(guard, size == bv(c, size.size())), addr, c) for c in choices]

    def _ct_acquire(self, st: SymState, spec: CallSpec, pc: int, accesses: list[_Access]) -> BV:
        """concrete.ct_args_errno and _h_ct_acquire, as formulas."""
        r = st.regs
        tup, opts = r[2], r[4]
        tsz, osz = z3.simplify(z3.Extract(31, 0, r[3])), z3.simplify(z3.Extract(31, 0, r[5]))
        n = st.counters.get("lookups", 0)
        found = self._bool_var(st, "lookups", "lookup")
        ptrs_ok = z3.And(opts != bv(0), tup != bv(0))
        sz_ok = z3.Or(osz == bv(12, 32), osz == bv(16, 32))
        g_opts = z3.And(ptrs_ok, sz_ok)
        accesses += self._sized_access(g_opts, opts, osz, (12, 16))
        netns = self._read(st, opts, 4)
        l4 = self._read(st, z3.simplify(opts + 8), 1)
        res12 = self._read(st, z3.simplify(opts + 10), 2)
        res16 = self._read(st, z3.simplify(opts + 13), 3)
        res_ok = z3.If(osz == bv(16, 32), res16 == bv(0, 24), res12 == bv(0, 16))
        proto_ok = z3.Or(l4 == bv(IPPROTO_TCP, 8), l4 == bv(IPPROTO_UDP, 8))
        netns_low = netns < bv(-1, 32)
        tsz_ok = z3.Or(tsz == bv(12, 32), tsz == bv(36, 32))
        g_tuple = z3.And(g_opts, res_ok, proto_ok, z3.Not(netns_low), tsz_ok)
        accesses += self._sized_access(g_tuple, tup, tsz, (12, 36))
        valid = z3.And(g_tuple, netns == bv(-1, 32))
        ok = z3.simplify(z3.And(valid, found))
        err = z3.If(z3.Not(g_opts), bv(-EINVAL, 32),
              z3.If(z3.Not(res_ok), bv(-EINVAL, 32),
              z3.If(z3.Not(proto_ok), bv(-EPROTO, 32),
              z3.If(netns_low, bv(-EINVAL, 32),
              z3.If(z3.Not(tsz_ok), bv(-EAFNOSUPPORT, 32),
              z3.If(netns >= bv(0, 32), bv(-ENONET, 32), bv(-ENOENT, 32)))))))
        failed_write = z3.simplify(z3.And(z3.Not(ok), opts != bv(0)))
        accesses.append(_Access(failed_write, z3.simplify(opts + 4), 4))
        if not is_false(failed_write):
            old = self._read(st, z3.simplify(opts + 4), 4)
            self._write(st, z3.simplify(opts + 4), 4, z3.simplify(z3.If(failed_write, err, old)))
        if spec.obj == "nf_conn" and not is_false(ok):  # opts->dir = IP_CT_DIR_ORIGINAL
            old_dir = self._read(st, z3.simplify(opts + 9), 1)
            self._write(st, z3.simplify(opts + 9), 1, z3.simplify(z3.If(ok, bv(0, 8), old_dir)))
        return self._new_object(st, n, spec.obj, ok, pc)

    def _new_object(self, st: SymState, n: int, obj: str, ok: B, pc: int) -> BV:
        base = obj_base(n)
        st.objects.append(SymObject(n, base, OBJ_SIZES[obj], ok, ok, z3.BoolVal(obj == "nf_conn___init"),
                                    obj == "sock", pc))
        return z3.If(ok, bv(base), bv(0))

    def _sk_acquire(self, st: SymState, pc: int, accesses: list[_Access]) -> BV:
        r = st.regs
        tsz = z3.simplify(z3.Extract(31, 0, r[3]))
        n = st.counters.get("lookups", 0)
        found = self._bool_var(st, "lookups", "lookup")
        valid = z3.And(z3.Or(tsz == bv(12, 32), tsz == bv(36, 32)), r[5] == bv(0))
        accesses += self._sized_access(valid, r[2], tsz, (12, 36))
        return self._new_object(st, n, "sock", z3.simplify(z3.And(valid, found)), pc)

    def _object_call(self, st: SymState, spec: CallSpec, name: str, pc: int, accesses: list[_Access]) -> BV | None:
        p = st.regs[1]
        if spec.kind == CallKind.OBJECT_OP:
            if name == "bpf_ct_set_nat_info":
                accesses.append(_Access(TRUE, st.regs[2], 16))
            return self._bv_var(st, "helper_results", "helper", 64) if spec.returns else None
        new_objects = []
        inserted: B = FALSE
        found = self._bool_var(st, "lookups", "lookup") if spec.kind == CallKind.INSERT else FALSE
        for o in st.objects:
            hit = z3.simplify(p == bv(o.base))
            if z3.is_false(hit):
                new_objects.append(o)
                continue
            if spec.kind == CallKind.RELEASE:
                new_objects.append(SymObject(o.n, o.base, o.size, o.exists,
                                             z3.simplify(z3.And(o.live, z3.Not(hit))), o.init, o.sock, o.insn))
            else:  # insert: the object stays, as an nf_conn, if the insert succeeded; else it is freed
                ok = z3.And(hit, o.live, o.init, found)
                inserted = z3.Or(inserted, ok)
                new_objects.append(SymObject(o.n, o.base, o.size, o.exists,
                                             z3.simplify(z3.If(hit, z3.And(o.live, found), o.live)),
                                             z3.simplify(z3.And(o.init, z3.Not(ok))), o.sock, o.insn))
        st.objects = new_objects
        if spec.kind == CallKind.INSERT:
            return z3.If(inserted, p, bv(0))
        return None

    def _map_arg(self, v: BV) -> int:
        a = as_int(v)
        if a is None:
            raise Unsupported("map pointer is not a constant")
        idx, rem = divmod(a - MAP_PTR_BASE, REGION_GAP)
        if rem or not 0 <= idx < len(self.program.maps):
            raise Unsupported(f"{a:#x} is not a map")
        return idx

    def _map_lookup(self, st: SymState, accesses: list[_Access]) -> BV:
        idx = self._map_arg(st.regs[1])
        md = self.program.maps[idx]
        key_p = st.regs[2]
        accesses.append(_Access(TRUE, key_p, md.key_size))
        if md.map_type in ARRAY_MAP_TYPES:
            k = z3.ZeroExt(32, self._read(st, key_p, 4))
            return z3.If(z3.ULT(k, bv(md.max_entries)), bv(array_base(idx)) + k * ARRAY_STRIDE, bv(0))
        self._read(st, key_p, md.key_size)
        ok = self._bool_var(st, "map_lookups", "map_lookup")
        n = len(st.hashes)
        st.hashes.append(HashValue(n, hash_value_base(n), md.value_size, ok))
        return z3.If(ok, bv(hash_value_base(n)), bv(0))

    def _map_update(self, st: SymState, accesses: list[_Access]) -> BV:
        idx = self._map_arg(st.regs[1])
        md = self.program.maps[idx]
        key_p, val_p = st.regs[2], st.regs[3]
        accesses += [_Access(TRUE, key_p, md.key_size), _Access(TRUE, val_p, md.value_size)]
        if md.map_type not in ARRAY_MAP_TYPES:
            return self._bv_var(st, "helper_results", "helper", 64)
        k = z3.ZeroExt(32, self._read(st, key_p, 4))
        inside = z3.simplify(z3.ULT(k, bv(md.max_entries)))
        elem = z3.simplify(bv(array_base(idx)) + k * ARRAY_STRIDE)
        value = self._read(st, val_p, md.value_size)
        old = self._read(st, elem, md.value_size)
        self._write(st, elem, md.value_size, z3.simplify(z3.If(inside, value, old)))
        return z3.If(inside, bv(0), bv(-E2BIG))

    def _tail_call(self, st: SymState, pc: int, want: frozenset[ErrorKind]) -> StepResult:
        md = self.program.maps[self._map_arg(st.regs[2])]
        flag = self._bool_var(st, "tail_calls", "tail_call")
        jumps = z3.simplify(z3.And(flag, z3.ULT(z3.Extract(31, 0, st.regs[3]), bv(md.max_entries, 32))))
        viol = [(ErrorKind.LEAK, z3.And(jumps, st.live_any()))] if ErrorKind.LEAK in want else []
        for i in range(1, 6):
            st.regs[i] = bv(0)
        st.regs[0] = bv(0)
        st.pc = pc + 1
        return StepResult([Successor(st, z3.simplify(z3.Not(jumps)), "implicit")], viol)

    def _load_bytes(self, st: SymState, name: str, accesses: list[_Access]) -> BV:
        r = st.regs
        off = z3.ZeroExt(32, z3.Extract(31, 0, r[2]))
        length = as_int(z3.Extract(31, 0, r[4]))
        if length is None:
            raise Unsupported(f"{name} with a variable length")
        ok = z3.simplify(z3.And(bv(length) != bv(0), z3.ULE(off + length, self.pkt_len)))
        if length:
            accesses.append(_Access(ok, r[3], length))
            data = [self._read_byte(st, z3.simplify(bv(PKT_BASE) + off + i)) for i in range(length)]
            for i, byte in enumerate(data):
                dst = z3.simplify(r[3] + i)
                old = self._read_byte(st, dst)
                self._write(st, dst, 1, z3.simplify(z3.If(ok, byte, old)))
        return z3.If(ok, bv(0), bv(-EFAULT))

    def _loop(self, st: SymState, pc: int) -> StepResult:
        """bpf_loop: skip (nr == 0 or bad arguments) or run the callback for i = 0, 1, ..."""
        r = st.regs
        nr = z3.simplify(z3.ZeroExt(32, z3.Extract(31, 0, r[1])))
        fn = as_int(r[2])
        if fn is None or fn < FUNC_BASE:
            raise Unsupported("bpf_loop callback is not a constant function")
        ctx, flags = r[3], r[4]
        runs = z3.simplify(z3.And(flags == bv(0), z3.ULE(nr, bv(BPF_MAX_LOOPS)), nr != bv(0)))
        enter = st.copy()
        frame = SymFrame(pc + 1, list(st.regs[6:10]), st.regs[10])
        self._enter_callback(enter, frame, fn - FUNC_BASE, 0, nr, ctx, pc)
        st.regs[0] = z3.simplify(z3.If(flags != bv(0), bv(-EINVAL),
                                       z3.If(z3.UGT(nr, bv(BPF_MAX_LOOPS)), bv(-E2BIG), bv(0))))
        for i in range(1, 6):
            st.regs[i] = bv(0)
        st.pc = pc + 1
        return StepResult([Successor(st, z3.simplify(z3.Not(runs)), "skip"), Successor(enter, runs, "enter")])

    # -- a model back to concrete inputs --

    def inputs_from_model(self, st: SymState, model: z3.ModelRef) -> Inputs:
        def ev(e: z3.ExprRef) -> int:
            v = model.eval(e, model_completion=True)
            return v.as_long() if z3.is_bv_value(v) else int(z3.is_true(v))

        def mem_byte(addr: int) -> int:
            return ev(z3.Select(self.mem0, bv(addr)))

        length = min(ev(self.pkt_len), PKT_MAX)
        packet = bytes(mem_byte(PKT_BASE + i) for i in range(length))
        ctx: dict[str, int] = {}
        for fname, (off, size) in ctx_fields(self.prog_type).items():
            if fname == "len" and self.prog_type != ProgType.XDP:
                continue
            value = int.from_bytes(bytes(mem_byte(CTX_BASE + off + i) for i in range(size)), "little")
            if value:
                ctx[fname] = value
        memory: dict[str, dict[int, int]] = {}
        for addr_e in st.reads:
            a = ev(addr_e)
            hit = region_name_of(a, self.program.maps)
            if hit is None or hit[0] in ("ctx", "packet"):
                continue
            memory.setdefault(hit[0], {})[hit[1]] = mem_byte(a)
        vals = {k: [ev(v) for v in vs] for k, vs in st.vars.items()}
        return Inputs(
            packet=packet, ctx=ctx, memory=memory,
            prandom=vals.get("prandom", []),
            lookups=[bool(v) for v in vals.get("lookups", [])],
            map_lookups=[bool(v) for v in vals.get("map_lookups", [])],
            helper_results=vals.get("helper_results", []),
            tail_calls=[bool(v) for v in vals.get("tail_calls", [])],
            may_goto=[bool(v) for v in vals.get("may_goto", [])],
        )


# --- driving along a reported path -----------------------------------------------------------


class PathError(Exception):
    """The reported path cannot be followed (diverges, too long, or the program is unsupported)."""


@dataclass(slots=True)
class FollowedPath:
    state: SymState  # the state at the error instruction, before it executes
    executor: Executor
    insns: list[int]  # every instruction executed, the error instruction last
    # the branches taken so far are already unsatisfiable: following stopped early (a long path,
    # e.g. a loop the verifier unrolled until "program too large"); `state` is where it stopped
    cut: bool = False


class _Infeasible(Exception):
    """No successor of a branch is possible after the constraints so far."""


CUT_FIRST_CHECK = 64  # follow_path checks the prefix at 64, 128, 256, ... branch constraints


def follow_path(program: Program, path: list[tuple[int, str]], target: int, *, start: int = 0,
                max_steps: int = 200_000, solver: z3.Solver | None = None,
                cut_infeasible: bool = True) -> FollowedPath:
    """Execute `program` along `path` until `target`, recording each branch direction as a
    constraint. `path` is the verifier's: either every instruction in order (a "full" path: it
    has '' entries before the last), or only the branching ones; directions are 'taken' /
    'fallthrough'. In a full path the next listed instruction also decides forks without a
    direction (bpf_loop entering its callback or not). A branch the path does not cover (a
    direction the verifier decided statically) is decided by the formula itself: constant
    folding, else the one direction the solver finds possible.

    With `cut_infeasible`, the constraints are checked whenever their number reaches 64, 128,
    256, ...; once they are unsatisfiable, the rest of the path cannot change that (a prefix of
    an impossible path is what makes it impossible), so following stops there with `cut` set.
    Paths of hundreds of thousands of instructions (a loop unrolled to the 1M-instruction limit)
    then cost no more than their first impossible stretch."""
    ex = Executor(program)
    st = ex.initial_state(start)
    entries = list(path)
    full = any(d == "" for _, d in entries[:-1])  # lists non-branch instructions too
    cursor = 0
    executed: list[int] = []
    s = solver or z3.Solver()
    s.add(*ex.background())
    checkpoint = CUT_FIRST_CHECK
    for _ in range(max_steps):
        pc = st.pc
        rest = entries[cursor:cursor + 2]  # the next entries are all that decide (no O(n) copy per step)
        if pc == target and (not rest or (len(rest) == 1 and rest[0][0] == target)):
            executed.append(pc)
            return FollowedPath(st, ex, executed)
        direction = ""
        if rest and rest[0][0] == pc:
            direction = rest[0][1]
            cursor += 1
        executed.append(pc)
        res = ex.step(st)
        succs = res.successors
        if not succs:
            raise PathError(f"the program ends at insn {pc} before reaching insn {target}")
        try:
            chosen = _choose(succs, direction, entries[cursor:cursor + 1], s, pc, full=full)
        except _Infeasible:
            if not cut_infeasible:
                raise PathError(f"no successor of insn {pc} is possible after the branches before it") from None
            return FollowedPath(st, ex, executed, cut=True)
        if chosen.cond is not None:
            st = chosen.state
            st.constraints.append(Constraint(pc, chosen.cond, chosen.label))
            if cut_infeasible and len(st.constraints) >= checkpoint:
                checkpoint *= 2
                if s.check(*[c.cond for c in st.constraints]) == z3.unsat:
                    return FollowedPath(st, ex, executed, cut=True)
        else:
            st = chosen.state
    raise PathError(f"insn {target} not reached within {max_steps} steps")


def _choose(succs: list[Successor], direction: str, rest: list[tuple[int, str]], s: z3.Solver,
            pc: int, *, full: bool) -> Successor:
    """Pick the successor the path takes: its direction label; in a full path, the successor at
    the next listed instruction; else the only one not constant-false; else the only feasible one."""
    if len(succs) == 1:
        return succs[0]
    if direction in ("taken", "fallthrough"):
        for succ in succs:
            if succ.label == direction:
                return succ
    if full and rest:
        matching = [succ for succ in succs if succ.state.pc == rest[0][0]]
        if len(matching) == 1:
            return matching[0]
    possible = [succ for succ in succs if succ.cond is None or not is_false(succ.cond)]
    if len(possible) == 1:
        return possible[0]
    feasible = []
    for succ in possible:
        assert succ.cond is not None
        s.push()
        s.add(*[c.cond for c in succ.state.constraints], succ.cond)
        if s.check() != z3.unsat:
            feasible.append(succ)
        s.pop()
    if len(feasible) == 1:
        return feasible[0]
    if not feasible:
        raise _Infeasible
    pcs = sorted({succ.state.pc for succ in possible})
    raise PathError(f"the path does not say where insn {pc} goes: successors {pcs} are all possible")


# --- exploring every path (bounded) ------------------------------------------------------------


@dataclass(slots=True)
class Found:
    """A violation some feasible path reaches: `state` is the state after the violating insn."""

    kind: ErrorKind
    insn: int
    state: SymState
    model: z3.ModelRef


@dataclass(slots=True)
class Exploration:
    executor: Executor
    found: Found | None = None
    paths: int = 0  # paths that reached the program's end
    steps: int = 0  # instructions executed, over all paths
    complete: bool = True  # every path was explored to its end within the bounds
    reasons: list[str] = field(default_factory=list)  # why not complete


def explore(program: Program, want: frozenset[ErrorKind], *, bound: int = 32, timeout_ms: int = 5000,
            max_steps: int = 200_000, time_limit: float = 60.0, start: int = 0,
            only_at: int | None = None) -> Exploration:
    """Depth-first symbolic execution of every path (fall-through first, like the verifier),
    pruning a branch when the solver proves it impossible, until the first feasible violation of
    a kind in `want`. Loops are unrolled: a path that executes one instruction more than `bound`
    times is cut (and the result marked incomplete). Each solver query gets `timeout_ms`.
    `only_at` restricts the violations looked for to that instruction."""
    deadline = time.monotonic() + time_limit
    ex = Executor(program)
    out = Exploration(ex)
    s = z3.Solver()
    s.set("timeout", timeout_ms)
    s.add(*ex.background())
    counter = 0

    def fresh(cond: B) -> B:
        nonlocal counter
        counter += 1
        lit = z3.Bool(f"__p{counter}")
        s.add(z3.Implies(lit, cond))
        return lit

    def note(reason: str) -> None:
        out.complete = False
        if reason not in out.reasons:
            out.reasons.append(reason)

    work: list[tuple[SymState, list[B]]] = [(ex.initial_state(start), [])]
    while work:
        if out.steps >= max_steps:
            note(f"stopped after {max_steps} instructions")
            break
        if time.monotonic() > deadline:
            note(f"stopped after {time_limit:g} s")
            break
        st, lits = work.pop()
        pc = st.pc
        if st.visits.get(pc, 0) >= bound:
            note(f"loop bound {bound} reached at insn {pc}")
            continue
        try:
            res = ex.step(st, want if only_at is None or only_at == pc else frozenset())
        except Unsupported as e:
            note(f"unsupported at insn {pc}: {e}")
            continue
        out.steps += 1
        for kind, v in res.violations:
            if is_false(v):
                continue
            r = s.check(*lits, fresh(v))
            if r == z3.sat:
                out.found = Found(kind, pc, st, s.model())
                return out
            if r == z3.unknown:
                note(f"solver gave up on a {kind.value} check at insn {pc}")
        if not res.successors:
            out.paths += 1
        feasible: list[tuple[SymState, list[B]]] = []
        for i, succ in enumerate(res.successors):
            if succ.cond is None or is_true(succ.cond):
                feasible.append((succ.state, lits))
                continue
            if is_false(succ.cond):
                continue
            lit = fresh(succ.cond)
            last_alternative = len(res.successors) > 1 and i == len(res.successors) - 1 and not feasible
            r = z3.sat if last_alternative else s.check(*lits, lit)  # one way must be possible
            if r == z3.unsat:
                continue
            succ.state.constraints.append(Constraint(pc, succ.cond, succ.label))
            feasible.append((succ.state, [*lits, lit]))
        work.extend(reversed(feasible))  # LIFO: the first successor (fall-through) goes first
    return out


__all__ = [
    "Constraint",
    "Executor",
    "Exploration",
    "FollowedPath",
    "Found",
    "PathError",
    "StepResult",
    "Successor",
    "SymState",
    "explore",
    "follow_path",
]
