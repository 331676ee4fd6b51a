"""The concrete interpreter and the z3 encoding agree instruction by instruction.

Programs here are built from Insn values (no parser): load two 64-bit constants, apply one
ALU or JMP instruction, exit with the result in r0. The concrete run and the symbolic run (every
input fixed, so z3 folds to a constant) must give the same r0.
"""
from __future__ import annotations

import z3
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier_model.isa.insn import Alu, Imm64Tail, Insn, Jmp, LoadImm64
from verifier_model.isa.opcodes import AluOp, Cls, JmpOp, Src
from verifier_model.program import Program
from verifier_model.witness.concrete import alu_value, run
from verifier_model.witness.symbolic import Executor

M64 = (1 << 64) - 1
u64 = st.one_of(st.integers(0, M64), st.sampled_from([0, 1, 2, 7, 31, 32, 63, 64, M64, 1 << 63, (1 << 63) - 1,
                                                       1 << 31, (1 << 32) - 1, 0xFFFF_FFFF_8000_0000]))


def ld64(dst: int, value: int) -> list[Insn]:
    return [LoadImm64(code=Cls.LD | 0x18, dst=dst, imm=value & 0xFFFFFFFF, imm_hi=(value >> 32) & 0xFFFFFFFF),
            Imm64Tail(code=0)]


def alu(op: AluOp, dst: int, src: int = 0, *, imm: int = 0, is64: bool = True, x: bool = True, off: int = 0) -> Alu:
    return Alu(code=(Cls.ALU64 if is64 else Cls.ALU) | op | (Src.X if x else Src.K), dst=dst, src=src, off=off, imm=imm)


EXIT = Jmp(code=Cls.JMP | JmpOp.EXIT)


def program(*insns: Insn | list[Insn]) -> Program:
    flat: list[Insn] = []
    for i in insns:
        flat.extend(i if isinstance(i, list) else [i])
    return Program(insns=tuple(flat))


def symbolic_r0(prog: Program) -> int:
    ex = Executor(prog)
    state = ex.initial_state()
    for _ in range(100):
        res = ex.step(state)
        if not res.successors:
            break
        feasible = [s for s in res.successors if s.cond is None or not z3.is_false(z3.simplify(s.cond))]
        assert len(feasible) == 1, "constant inputs decide every branch"
        state = feasible[0].state
    value = z3.simplify(state.regs[0])
    assert z3.is_bv_value(value)
    return value.as_long()


def concrete_r0(prog: Program) -> int:
    exe = run(prog)
    assert exe.outcome == "exit" and exe.r0 is not None, exe
    return exe.r0


ALU_OPS = [AluOp.ADD, AluOp.SUB, AluOp.MUL, AluOp.DIV, AluOp.OR, AluOp.AND, AluOp.LSH, AluOp.RSH,
           AluOp.MOD, AluOp.XOR, AluOp.MOV, AluOp.ARSH]


@settings(max_examples=300, deadline=None)
@given(op=st.sampled_from(ALU_OPS), a=u64, b=u64, is64=st.booleans(), signed=st.booleans())
def test_alu_register_operand_agrees(op: AluOp, a: int, b: int, is64: bool, signed: bool) -> None:
    off = 1 if signed and op in (AluOp.DIV, AluOp.MOD) else 0
    prog = program(ld64(1, a), ld64(2, b), alu(op, 1, 2, is64=is64, off=off), alu(AluOp.MOV, 0, 1), EXIT)
    assert symbolic_r0(prog) == concrete_r0(prog)


@settings(max_examples=200, deadline=None)
@given(op=st.sampled_from(ALU_OPS + [AluOp.NEG]), a=u64, imm=st.integers(-(1 << 31), (1 << 31) - 1),
       is64=st.booleans())
def test_alu_immediate_operand_agrees(op: AluOp, a: int, imm: int, is64: bool) -> None:
    prog = program(ld64(1, a), alu(op, 1, imm=imm, is64=is64, x=False), alu(AluOp.MOV, 0, 1), EXIT)
    assert symbolic_r0(prog) == concrete_r0(prog)


@settings(max_examples=100, deadline=None)
@given(a=u64, bits=st.sampled_from([8, 16, 32]), is64=st.booleans())
def test_movsx_agrees(a: int, bits: int, is64: bool) -> None:
    if not is64 and bits == 32:
        bits = 16  # movsx32 only exists as a 64-bit op
    prog = program(ld64(1, a), alu(AluOp.MOV, 2, 1, is64=is64, off=bits), alu(AluOp.MOV, 0, 2), EXIT)
    assert symbolic_r0(prog) == concrete_r0(prog)


@settings(max_examples=100, deadline=None)
@given(a=u64, bits=st.sampled_from([16, 32, 64]), kind=st.sampled_from(["le", "be", "bswap"]))
def test_byte_swaps_agree(a: int, bits: int, kind: str) -> None:
    insn = Alu(code=(Cls.ALU64 if kind == "bswap" else Cls.ALU) | AluOp.END | (Src.X if kind == "be" else Src.K),
               dst=1, imm=bits)
    prog = program(ld64(1, a), insn, alu(AluOp.MOV, 0, 1), EXIT)
    assert symbolic_r0(prog) == concrete_r0(prog)


JMP_OPS = [JmpOp.JEQ, JmpOp.JNE, JmpOp.JGT, JmpOp.JGE, JmpOp.JLT, JmpOp.JLE, JmpOp.JSET, JmpOp.JSGT,
           JmpOp.JSGE, JmpOp.JSLT, JmpOp.JSLE]


@settings(max_examples=300, deadline=None)
@given(op=st.sampled_from(JMP_OPS), a=u64, b=u64, is32=st.booleans(), x=st.booleans())
def test_conditional_jumps_agree(op: JmpOp, a: int, b: int, is32: bool, x: bool) -> None:
    imm = ((b & 0xFFFFFFFF) ^ 0x80000000) - 0x80000000
    jmp = Jmp(code=(Cls.JMP32 if is32 else Cls.JMP) | op | (Src.X if x else Src.K), dst=1, src=2,
              off=2, imm=0 if x else imm)
    prog = program(ld64(1, a), ld64(2, b), alu(AluOp.MOV, 0, imm=1, x=False), jmp,
                   alu(AluOp.MOV, 0, imm=2, x=False), EXIT, EXIT)
    assert symbolic_r0(prog) == concrete_r0(prog)


def test_division_edge_cases_follow_bpf() -> None:
    int_min = 1 << 63
    assert alu_value(AluOp.DIV, 5, 0, 64) == 0  # division by zero gives 0
    assert alu_value(AluOp.MOD, 5, 0, 64) == 5  # modulo by zero leaves dst
    assert alu_value(AluOp.DIV, int_min, M64, 64, signed=True) == int_min  # INT_MIN / -1 wraps
    assert alu_value(AluOp.MOD, int_min, M64, 64, signed=True) == 0
    assert alu_value(AluOp.DIV, (-7) & M64, 2, 64, signed=True) == (-3) & M64  # truncates toward zero
    assert alu_value(AluOp.MOD, (-7) & M64, 2, 64, signed=True) == (-1) & M64  # sign of the dividend
    assert alu_value(AluOp.LSH, 1, 65, 64) == 2  # shift counts are masked
    assert alu_value(AluOp.ARSH, 0x8000_0000, 4, 32) == 0xF800_0000
