"""The kernel-log dialect printer (isa/printer_kernel.py) against kernel/bpf/disasm.c's formats,
the hex printer, and the live 6.18 kernel printing every encoding it accepts to print."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from verifier_model import kernel
from verifier_model.isa import names
from verifier_model.isa.codec import decode, with_tails
from verifier_model.isa.insn import (
    Alu,
    Imm64Tail,
    Insn,
    Jmp,
    LegacyLoad,
    Load,
    LoadImm64,
    Store,
    StoreImm,
    insn_type_for,
)
from verifier_model.isa.opcodes import ProgType
from verifier_model.isa.printer_hex import format_insn as hex_insn
from verifier_model.isa.printer_hex import format_program as hex_program
from verifier_model.isa.printer_kernel import format_insn, format_program_kernel
from verifier_model.program import FuncInfo, Program

CT_RELEASE = names.kfunc_id("bpf_ct_release")

CASES: list[tuple[Insn, str]] = [
    (Alu(0xBF, 6, 1), "(bf) r6 = r1"),
    (Alu(0xBC, 1, 2), "(bc) w1 = w2"),
    (Alu(0xB7, 0, 0, 0, -1), "(b7) r0 = -1"),
    (Alu(0x07, 1, 0, 0, -48), "(07) r1 += -48"),
    (Alu(0x04, 7, 0, 0, 1), "(04) w7 += 1"),
    (Alu(0x0F, 7, 3), "(0f) r7 += r3"),
    (Alu(0xC7, 1, 0, 0, 3), "(c7) r1 s>>= 3"),
    (Alu(0x87, 3), "(87) r3 = -r3"),
    (Alu(0x84, 3), "(84) w3 = -w3"),
    (Alu(0x3F, 1, 2, 1), "(3f) r1 s/= r2"),
    (Alu(0x97, 1, 0, 1, 7), "(97) r1 s%= 7"),
    (Alu(0x37, 0, 0, 0, 0), "(37) r0 /= 0"),
    (Alu(0xBF, 1, 2, 8), "(bf) r1 = (s8)r2"),
    (Alu(0xBF, 1, 2, 16), "(bf) r1 = (s16)r2"),
    (Alu(0xBF, 1, 2, 32), "(bf) r1 = (s32)r2"),
    (Alu(0xBC, 1, 2, 8), "(bc) w1 = (s8)w2"),
    (Alu(0xBF, 1, 2, 1, 0x10002), "(bf) r1 = addr_space_cast(r2, 1, 2)"),
    (Alu(0xD4, 1, 0, 0, 16), "(d4) r1 = le16 r1"),
    (Alu(0xDC, 1, 0, 0, 32), "(dc) r1 = be32 r1"),
    (Alu(0xD7, 1, 0, 0, 64), "(d7) r1 = bswap64 r1"),
    (Alu(0xE7, 1, 0, 0, 5), "(e7) r1 (null) 5"),  # no such ALU op: the kernel prints a NULL %s
    (Store(0x7B, 10, 1, -8), "(7b) *(u64 *)(r10 -8) = r1"),
    (Store(0x73, 1, 2, 3), "(73) *(u8 *)(r1 +3) = r2"),
    (StoreImm(0x7A, 10, 0, -8, 0), "(7a) *(u64 *)(r10 -8) = 0"),
    (StoreImm(0x62, 10, 0, -64, -1), "(62) *(u32 *)(r10 -64) = -1"),
    (Load(0x61, 0, 1, 100), "(61) r0 = *(u32 *)(r1 +100)"),
    (Load(0x79, 0, 10, -520), "(79) r0 = *(u64 *)(r10 -520)"),
    (Load(0x91, 1, 2, -2), "(91) r1 = *(s8 *)(r2 -2)"),
    (Load(0x89, 1, 2, 0), "(89) r1 = *(s16 *)(r2 +0)"),
    (Load(0x81, 1, 2, 0), "(81) r1 = *(s32 *)(r2 +0)"),
    (Store(0xDB, 1, 2, 0, 0x00), "(db) lock *(u64 *)(r1 +0) += r2"),
    (Store(0xC3, 1, 2, 4, 0x40), "(c3) lock *(u32 *)(r1 +4) |= r2"),
    (Store(0xDB, 1, 2, 0, 0x50), "(db) lock *(u64 *)(r1 +0) &= r2"),
    (Store(0xDB, 1, 2, 0, 0xA0), "(db) lock *(u64 *)(r1 +0) ^= r2"),
    (Store(0xDB, 1, 2, -8, 0x01), "(db) r2 = atomic64_fetch_add((u64 *)(r1 -8), r2)"),
    (Store(0xC3, 1, 2, 0, 0x51), "(c3) r2 = atomic_fetch_and((u32 *)(r1 +0), r2)"),
    (Store(0xDB, 1, 2, 0, 0xE1), "(db) r2 = atomic64_xchg((u64 *)(r1 +0), r2)"),
    (Store(0xDB, 1, 2, 0, 0xF1), "(db) r0 = atomic64_cmpxchg((u64 *)(r1 +0), r0, r2)"),
    (Store(0xD3, 1, 2, 0, 0x100), "(d3) r1 = load_acquire((u8 *)(r2 +0))"),
    (Store(0xDB, 1, 2, 8, 0x110), "(db) store_release((u64 *)(r1 +8), r2)"),
    (Store(0xC3, 1, 2, 0, 0x31), "BUG_c3"),
    (Store(0x83, 1, 2, 0, 0), "BUG_83"),
    (StoreImm(0xC2, 1, 0, 0, 0), "(c2) nospec"),
    (StoreImm(0x22, 1, 0, 0, 0), "BUG_st_22"),
    (Load(0x99, 1, 2, 0), "BUG_ldx_99"),
    (LegacyLoad(0x20, 0, 0, 0, 0), "(20) r0 = *(u32 *)skb[0]"),
    (LegacyLoad(0x50, 0, 3, 0, -12), "(50) r0 = *(u8 *)skb[r3 + -12]"),
    (LoadImm64(0x18, 1, 0, 0, 0x04352200, None, -0x7778), "(18) r1 = 0xffff888804352200"),
    (LoadImm64(0x18, 2, 0, 0, 6), "(18) r2 = 0x6"),
    (LoadImm64(0x18, 1, 0, 0, -1, None, 0), "(18) r1 = 0xffffffff"),
    (LoadImm64(0x00, 1, 0, 0, 0), "BUG_ld_00"),
    (Jmp(0x85, 0, 0, 0, 1, "bpf_map_lookup_elem"), "(85) call bpf_map_lookup_elem#1"),
    (Jmp(0x85, 0, 0, 0, 181), "(85) call bpf_loop#181"),
    (Jmp(0x85, 0, 0, 0, 100000), "(85) call unknown#100000"),
    (Jmp(0x85, 0, 1, 0, 3), "(85) call pc+3"),
    (Jmp(0x85, 0, 1, 0, -7), "(85) call pc-7"),
    (Jmp(0x85, 0, 2, 0, 66135, "bpf_xdp_ct_lookup"), "(85) call bpf_xdp_ct_lookup#66135"),
    (Jmp(0x85, 0, 2, 0, CT_RELEASE or 0), f"(85) call bpf_ct_release#{CT_RELEASE}"),
    (Jmp(0x85, 0, 3, 0, 1), "(85) call unknown#1"),  # only src 0 consults func_id_str
    (Jmp(0x05, 0, 0, 2), "(05) goto pc+2"),
    (Jmp(0x05, 0, 0, -1), "(05) goto pc-1"),
    (Jmp(0x06, 0, 0, 0, 70000), "(06) gotol pc+70000"),
    (Jmp(0xE5, 0, 0, 1), "(e5) may_goto pc+1"),
    (Jmp(0x95), "(95) exit"),
    (Jmp(0x15, 0, 0, 5, 0), "(15) if r0 == 0x0 goto pc+5"),
    (Jmp(0x16, 0, 0, 2, 0), "(16) if w0 == 0x0 goto pc+2"),
    (Jmp(0xA5, 1, 0, -2, 10), "(a5) if r1 < 0xa goto pc-2"),
    (Jmp(0x65, 1, 0, 0, -3), "(65) if r1 s> 0xfffffffd goto pc+0"),
    (Jmp(0x1D, 0, 2, 2), "(1d) if r0 == r2 goto pc+2"),
    (Jmp(0x2D, 1, 10, 0), "(2d) if r1 > r10 goto pc+0"),
    (Jmp(0xCE, 1, 2, 1), "(ce) if w1 s< w2 goto pc+1"),
    (Jmp(0x45, 3, 0, 1, 8), "(45) if r3 & 0x8 goto pc+1"),
    (Jmp(0x96, 1, 0, 0, 1), "(96) if w1 exit 0x1 goto pc+0"),
    (Jmp(0xE5, 1, 1, 1, -3), "(e5) if r1 (null) 0xfffffffd goto pc+1"),
]


@pytest.mark.parametrize(("insn", "text"), CASES, ids=[t for _, t in CASES])
def test_prints_as_disasm_c(insn: Insn, text: str) -> None:
    assert format_insn(insn, 0) == text


def test_ld_imm64_map_pointer_is_zero_without_ptr_leaks() -> None:
    insn = LoadImm64(0x18, 1, 1, 0, 0x04352200, "m", -0x7778)
    assert format_insn(insn) == "(18) r1 = 0xffff888804352200"
    assert format_insn(insn, allow_ptr_leaks=False) == "(18) r1 = 0x0"


def test_xlated_dialect_prints_maps_symbols_and_subprogs_like_bpftool() -> None:
    assert format_insn(LoadImm64(0x18, 1, 1, 0, 1298, "map_1298"), dialect="xlated") == "(18) r1 = map[id:1298]"
    assert format_insn(LoadImm64(0x18, 2, 2, 0, 1300, None, 4), dialect="xlated") == "(18) r2 = map[id:1300][0]+4"
    assert format_insn(LoadImm64(0x18, 2, 4, 0, 32), dialect="xlated") == "(18) r2 = subprog[+32]"
    assert format_insn(Jmp(0x85, 0, 0, 0, 22592, "bpf_user_rnd_u32"), dialect="xlated") == \
        "(85) call bpf_user_rnd_u32#22592"
    assert format_insn(Jmp(0x85, 0, 1, 0, 17, "bpf_prog_75ace124748d3cbe_cb"), dialect="xlated") == \
        "(85) call pc+17#bpf_prog_75ace124748d3cbe_cb"


def test_second_slot_of_ld_imm64_is_not_printed_alone() -> None:
    with pytest.raises(TypeError):
        format_insn(Imm64Tail(0, 0, 0, 0, 0))


def test_program_lines_skip_the_ld_imm64_tail() -> None:
    prog = Program(insns=with_tails([LoadImm64(0x18, 1, 0, 0, 5), Alu(0xB7, 0, 0, 0, 0), Jmp(0x95)]))
    assert format_program_kernel(prog) == "0: (18) r1 = 0x5\n2: (b7) r0 = 0\n3: (95) exit\n"
    assert format_program_kernel(prog, dialect="xlated").splitlines()[1] == "   2: (b7) r0 = 0"


def test_hex_prints_one_instruction_per_line() -> None:
    prog = Program(insns=with_tails([Alu(0xB7, 0, 0, 0, 1), LoadImm64(0x18, 1, 0, 0, -1, None, 2), Jmp(0x95)]))
    assert hex_program(prog) == (
        "b7 00 00 00 01 00 00 00\n"
        "18 01 00 00 ff ff ff ff 00 00 00 00 02 00 00 00\n"
        "95 00 00 00 00 00 00 00\n"
    )
    assert hex_insn(Store(0xDB, 1, 2, -8, 1)) == "db 21 f8 ff 01 00 00 00"


def test_hex_output_decodes_back_to_the_program() -> None:
    prog = Program(insns=with_tails([Alu(0xBF, 6, 1), LoadImm64(0x18, 1, 1, 0, 3, None, 0), Jmp(0x85, 0, 0, 0, 1), Jmp(0x95)]))
    data = bytes.fromhex(hex_program(prog).replace("\n", " "))
    assert decode(data) == prog.insns


_INSN = st.builds(
    lambda code, dst, src, off, imm: insn_type_for(code)(code, dst, src, off, imm),
    st.integers(0, 255), st.integers(0, 15), st.integers(0, 15), st.integers(-(1 << 15), (1 << 15) - 1),
    st.integers(-(1 << 31), (1 << 31) - 1),
)


@given(_INSN)
@settings(max_examples=3000, deadline=None)
def test_every_encoding_prints_without_raising(insn: Insn) -> None:
    text = format_insn(insn)
    assert text.startswith((f"({insn.code:02x}) ", "BUG_"))
    assert "\n" not in text


# --- the live kernel ---------------------------------------------------------------------------

AVAILABLE, REASON = kernel.available()


def _all_forms() -> list[Insn]:
    cases: list[Insn] = []
    for cls in (0x04, 0x07):
        for op in range(0, 0x100, 0x10):
            for s in (0, 8):
                code = cls | op | s
                if op == 0xD0:
                    cases += [Alu(code, 1, 0, 0, imm) for imm in (16, 32, 64)]
                    continue
                cases += [Alu(code, 1, 2, 0, -7), Alu(code, 3, 4, 1, 5)]
                if op == 0xB0:
                    cases += [Alu(code, 5, 6, off, 0x10002) for off in (8, 16, 32, 1)]
    for sz in (0, 8, 0x10, 0x18):
        cases.append(Store(0x63 | sz, 10, 1, -8, 0))
        cases += [Store(0xC3 | sz, 10, 1, -8, imm)
                  for imm in (0, 0x40, 0x50, 0xA0, 1, 0x41, 0x51, 0xA1, 0xE1, 0xF1, 0x100, 0x110)]
        cases += [StoreImm(0x62 | sz, 10, 0, -8, -3), Load(0x61 | sz, 1, 10, -8, 0)]
        if sz != 0x18:
            cases += [Load(0x81 | sz, 1, 10, 8, 0), LegacyLoad(0x20 | sz, 0, 0, 0, -12), LegacyLoad(0x40 | sz, 0, 3, 0, 12)]
    cases += [LoadImm64(0x18, 3, 0, 0, -2, None, 0x12345), Jmp(0xE5, 0, 0, 0)]
    for cls in (0x05, 0x06):
        for op in range(0x10, 0xE0, 0x10):
            if op in (0x80, 0x90):
                continue
            cases += [Jmp(cls | op | 8, 1, 2, 1), Jmp(cls | op, 1, 0, 0, -3)]
    cases += [Jmp(0x85, 0, 0, 0, 7), Jmp(0x85, 0, 0, 0, 100000), Jmp(0x85, 0, 2, 0, CT_RELEASE or 0), Jmp(0x06, 0, 0, 0, 0)]
    return cases


@pytest.mark.kernel
@pytest.mark.skipif(not AVAILABLE, reason=f"kernel oracle: {REASON}")
def test_live_kernel_prints_every_form_as_we_do() -> None:
    """Each instruction is the first of a tiny program; do_check prints it at log level 2 before
    checking anything about it, so even rejected encodings are printed."""
    compared = 0
    for insn in _all_forms():
        body: list[Insn] = [insn, Alu(0xB7, 0, 0, 0, 0), Jmp(0x95)]
        funcs: tuple[FuncInfo, ...] = ()
        if isinstance(insn, Jmp) and insn.is_pseudo_call:
            body, funcs = [insn, Jmp(0x95), Alu(0xB7, 0, 0, 0, 0), Jmp(0x95)], (FuncInfo(2, "sub"),)
        prog = Program(insns=with_tails(body), prog_type=ProgType.SOCKET_FILTER, funcs=funcs)
        log = kernel.load(prog, log_level=2).log
        printed = [re.sub(r"\s+;.*$", "", line)[3:] for line in log.splitlines() if line.startswith("0: ")]
        printed = [p for p in printed if not p.startswith("R")]
        if not printed and "unknown opcode" in log:  # bpf_opcode_in_insntable() runs before do_check
            continue
        assert printed, f"not printed: {format_insn(insn)}\n{log}"
        assert printed[0] == format_insn(insn), log
        compared += 1
    assert compared > 150
