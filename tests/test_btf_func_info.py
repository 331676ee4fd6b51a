"""Subprogram discovery, prototype inference and the program BTF for func_info."""
from __future__ import annotations

from verifier_model.btf import Btf, Kind, Linkage
from verifier_model.btf.func_info import CTX, SCALAR, build_prog_btf, infer_params, subprog_starts, subprogs
from verifier_model.isa.insn import Alu, Imm64Tail, Jmp, Load, LoadImm64
from verifier_model.isa.opcodes import ProgType
from verifier_model.program import FuncInfo, Program

EXIT = Jmp(0x95)


def mov(dst: int, imm: int) -> Alu:
    return Alu(0xB7, dst, 0, 0, imm)


def movr(dst: int, src: int) -> Alu:
    return Alu(0xBF, dst, src)


def call_local(off: int) -> Jmp:
    return Jmp(0x85, 0, 1, 0, off)


def test_subprogs_start_at_call_and_func_pointer_targets() -> None:
    insns = (
        call_local(5),  # -> 6
        LoadImm64(0x18, 2, 4, 0, 5), Imm64Tail(0),  # func pointer at 1 -> 7
        Jmp(0x85, 0, 0, 0, 181),
        mov(0, 0), EXIT,
        mov(0, 1), EXIT,  # 6
    )
    assert subprog_starts(Program(insns)) == [0, 6, 7]


def test_params_are_the_argument_registers_read_before_written() -> None:
    assert infer_params((movr(0, 2), EXIT)) == (SCALAR, SCALAR)
    assert infer_params((mov(0, 0), EXIT)) == ()
    assert infer_params((mov(1, 0), movr(0, 1), EXIT)) == ()
    # read on one branch only still counts
    assert infer_params((Jmp(0x15, 3, 0, 1, 0), movr(0, 3), EXIT)) == (SCALAR, SCALAR, SCALAR)


def test_a_param_used_as_a_pointer_is_the_ctx() -> None:
    assert infer_params((Load(0x61, 0, 1, 0, 0), EXIT)) == (CTX,)
    # copied, then passed in R1 to a call
    assert infer_params((movr(6, 1), movr(1, 6), Jmp(0x85, 0, 2, 0, 0, "bpf_xdp_ct_lookup"),
                         mov(0, 0), EXIT)) == (CTX,)
    assert infer_params((Alu(0xBC, 0, 1), EXIT)) == (SCALAR,)


def test_declared_linkage_and_names_are_used() -> None:
    insns = (call_local(2), mov(0, 2), EXIT, movr(0, 1), EXIT)
    prog = Program(insns, name="main", funcs=(FuncInfo(3, "gint", "global"),))
    subs = subprogs(prog)
    assert [(s.start, s.name, s.linkage, s.params) for s in subs] == [
        (0, "main", "global", (CTX,)), (3, "gint", "global", (SCALAR,)),
    ]
    static = subprogs(Program(insns, labels={"helper": 3}))
    assert (static[1].name, static[1].linkage, static[1].params) == ("helper", "static", ())


def test_prog_btf_describes_every_subprogram() -> None:
    insns = (call_local(2), mov(0, 2), EXIT, Load(0x61, 0, 1, 0, 0), EXIT)
    prog = Program(insns, prog_type=ProgType.SCHED_CLS, funcs=(FuncInfo(3, "g", "global"),))
    blob, records = build_prog_btf(prog)
    btf = Btf.from_bytes(blob)
    assert [off for off, _ in records] == [0, 3]
    main, g = (btf[tid] for _, tid in records)
    assert main.kind == Kind.FUNC and main.name == "prog" and main.linkage == Linkage.GLOBAL
    assert g.name == "g" and g.linkage == Linkage.GLOBAL
    (param,) = btf.func_proto(g.id).params
    assert btf.c_name(param.type) == "struct __sk_buff *"
    assert btf[btf.func_proto(g.id).type].name == "int"
