"""The assembler, codec and both printers against LLVM 19 (`llvm-mc-19 -triple bpf -mcpu=v4`).

A generated set of instruction forms covers every opcode class (ALU/ALU64 every op with K and X,
sdiv/smod, movsx, neg, end/bswap, addr_space_cast, JMP/JMP32 every condition with K and X, ja,
gotol, may_goto, calls, exit, ld_imm64, LDX/ST/STX every size, sign-extending loads, every
atomic in 32 and 64 bits, LD_ABS/LD_IND) plus LLVM's number syntaxes. For each form:

- our encoding is byte-identical to `llvm-mc -show-encoding` (one llvm-mc run for all forms);
- our LLVM printer prints the bytes exactly as `llvm-mc -disassemble -mcpu=v4` does, and, with
  `hex_imm`, as `llvm-objdump -d --mcpu=v4` does;
- decode(encode(x)) == x; parse(print_llvm(x)) == x; the kernel's `(xx) text` form read back by
  frontend.dumps gives x again.

The llvm comparisons skip (with the reason) where llvm-mc-19 is missing; the round trips run
everywhere. Whole programs (labels, maps, subprograms, `.insn`) round-trip at the end.
"""
from __future__ import annotations

import dataclasses
import re
import shutil
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from verifier_model.frontend.asm import parse
from verifier_model.frontend.dumps import parse_insn_text, read_kernel_log
from verifier_model.isa.codec import decode, encode
from verifier_model.isa.insn import Imm64Tail, Insn, Jmp, LoadImm64, Store
from verifier_model.isa.printer_kernel import format_insn as kernel_insn
from verifier_model.isa.printer_kernel import format_program_kernel
from verifier_model.isa.printer_llvm import format_insn as llvm_insn
from verifier_model.isa.printer_llvm import format_program as llvm_program
from verifier_model.program import Program

LLVM_MC = shutil.which("llvm-mc-19")
LLVM_OBJDUMP = shutil.which("llvm-objdump-19")
needs_llvm = pytest.mark.skipif(LLVM_MC is None, reason="llvm-mc-19 is not installed")
needs_objdump = pytest.mark.skipif(LLVM_MC is None or LLVM_OBJDUMP is None,
                                   reason="llvm-mc-19 / llvm-objdump-19 are not installed")

ALU_OPS = ["+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "<<=", ">>=", "s>>=", "s/=", "s%="]
JMP_OPS = ["==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<=", "&"]
IMMS = ["0", "1", "-1", "0x7fffffff", "-2147483648", "4660"]
MEM_OFFS = ["+ 0", "+ 8", "- 8", "+ 32767", "- 32768"]


def _forms() -> list[str]:
    f: list[str] = []
    for w, regs in (("r", ("r0", "r10", "r3")), ("w", ("w0", "w9", "w3"))):
        a, b, c = regs
        for op in ALU_OPS:
            f += [f"{a} {op} {imm}" for imm in ("0", "-1", "0x7fffffff")]
            f += [f"{a} {op} {b}", f"{c} {op} {a}"]
        f += [f"{a} = {imm}" for imm in IMMS] + [f"{a} = {b}", f"{c} = {a}"]
        f += [f"{r} = -{r}" for r in regs]
        f += [f"{a} = (s8){b}", f"{c} = (s16){a}"]
        for op in JMP_OPS:
            for imm in ("0", "-1", "0x7fffffff"):
                f += [f"if {a} {op} {imm} goto +3", f"if {c} {op} {imm} goto -1"]
            f += [f"if {a} {op} {b} goto +0", f"if {c} {op} {a} goto -32768"]
    f += ["r1 = (s32)r2", "r9 = (s32)r9", "r0 = (s8)r10"]
    for kind in ("be", "le", "bswap"):
        f += [f"r{n} = {kind}{bits} r{n}" for bits in (16, 32, 64) for n in (0, 7)]
    f += ["r1 = addr_space_cast(r2, 1, 0)", "r1 = addr_space_cast(r1, 0, 1)", "r3 = addr_space_cast(r4, 65535, 65535)"]
    f += [f"goto {t}" for t in ("+0", "+3", "-1", "+32767", "-32768")]
    f += [f"gotol {t}" for t in ("+0", "+2", "-5", "+32767")]
    f += [f"may_goto {t}" for t in ("+0", "+1", "-3")]
    f += [f"call {n}" for n in ("1", "2", "12", "212", "0x7fffffff", "-1")]
    f += ["callx r1", "callx r5", "exit"]
    f += [f"r{n} = {v} ll" for n, v in ((0, "0"), (1, "1"), (2, "-1"), (3, "0x1234"), (4, "0x80000000"),
                                         (5, "0xffffffff"), (6, "0x100000000"), (7, "0x7fffffffffffffff"),
                                         (8, "0x8000000000000000"), (9, "0xaaaaaaaaaaaaaaaa"), (10, "-2147483648"))]
    for size in ("u8", "u16", "u32", "u64"):
        for off in MEM_OFFS:
            f += [f"r1 = *({size} *)(r2 {off})", f"*({size} *)(r10 {off}) = r3", f"*({size} *)(r1 {off}) = -1"]
        if size != "u64":
            f += [f"w4 = *({size} *)(r5 + 2)", f"*({size} *)(r6 - 2) = w7", f"*({size} *)(r6 - 2) = 0x7fffffff"]
    for size in ("s8", "s16", "s32"):
        f += [f"r{n} = *({size} *)(r{m} {off})" for n, m, off in ((1, 2, "+ 0"), (0, 10, "- 8"), (9, 1, "+ 32767"))]
    for bits, reg in (("64", "r"), ("32", "w")):
        for op in ("+=", "|=", "&=", "^="):
            f += [f"lock *(u{bits} *)(r1 + 0) {op} {reg}2", f"lock *(u{bits} *)(r10 - 8) {op} {reg}0"]
        for name in ("add", "or", "and", "xor"):
            f += [f"{reg}0 = atomic_fetch_{name}((u{bits} *)(r1 + 0), {reg}0)",
                  f"{reg}5 = atomic_fetch_{name}((u{bits} *)(r10 - 16), {reg}5)"]
        xname = "_64" if bits == "64" else "32_32"
        f += [f"{reg}0 = xchg{xname}(r1 + 0, {reg}0)", f"{reg}3 = xchg{xname}(r10 - 8, {reg}3)"]
        f += [f"{reg}0 = cmpxchg{xname}(r1 + 0, {reg}0, {reg}2)", f"{reg}0 = cmpxchg{xname}(r10 - 8, {reg}0, {reg}9)"]
    for size in ("u8", "u16", "u32"):
        f += [f"r0 = *({size} *)skb[{i}]" for i in ("0", "1", "-1", "0x7fffffff")]
        f += [f"r0 = *({size} *)skb[{r}]" for r in ("r1", "r7")]
    # LLVM's number syntaxes and spacing
    f += ["r1 = 010", "r1 = 0b101", "r1 = 0X1F", "r1 = +5", "r1 += - 5", "r1 = *(u64 *)(r2 +0x10)",
          "if r1 == 5 goto 3", "goto 3", "w1 = 4294967295", "r1 = 18446744073709551615 ll",
          "*(u32 *)(r1+0) = w2", "r1 = 2147483648"]
    return f


FORMS = _forms()


def _one(line: str) -> Program:
    (prog,) = parse(line + "\n", "<form>")
    return prog


def _kernel_lossy(insn: Insn) -> bool:
    """disasm.c prints BPF_CALL|BPF_X as `call unknown#0`: its register is not in the text."""
    return insn.code == 0x8D


def _norm(insn: Insn) -> Insn:
    """Helper calls: the kernel's text names them, `call 1` does not; compare without the name."""
    if isinstance(insn, Jmp) and insn.is_call and insn.src == 0:
        return dataclasses.replace(insn, sym=None)
    return insn


def test_enough_forms_cover_every_class() -> None:
    assert len(FORMS) >= 500
    codes = {_one(line).insns[0].code for line in FORMS}
    want = set()
    for cls in (0x04, 0x07):  # every ALU op, K and X (NEG and END: K/LE and X/BE)
        want |= {cls | op | src for op in range(0, 0xE0, 0x10) for src in (0, 8)}
    want.discard(0x07 | 0x80 | 0x08)
    want.discard(0x04 | 0x80 | 0x08)
    want.discard(0x07 | 0xD0 | 0x08)  # ALU64|END|X does not exist
    for cls in (0x05, 0x06):
        want |= {cls | op | src for op in range(0x10, 0xE0, 0x10) if op not in (0x80, 0x90) for src in (0, 8)}
    want |= {0x05, 0x06, 0xE5, 0x85, 0x8D, 0x95, 0x18}
    want |= {0x61, 0x69, 0x71, 0x79, 0x81, 0x89, 0x91}  # LDX MEM and MEMSX
    want |= {0x62, 0x6A, 0x72, 0x7A, 0x63, 0x6B, 0x73, 0x7B, 0xC3, 0xDB}  # ST, STX, atomics
    want |= {0x20, 0x28, 0x30, 0x40, 0x48, 0x50}  # LD_ABS / LD_IND
    assert want - codes == set()
    imms = {_one(line).insns[0].imm for line in FORMS if _one(line).insns[0].code in (0xC3, 0xDB)}
    assert imms == {0x00, 0x40, 0x50, 0xA0, 0x01, 0x41, 0x51, 0xA1, 0xE1, 0xF1}


# --------------------------------------------------------------------------------------------
# llvm-mc runs (one per kind, for all forms)
# --------------------------------------------------------------------------------------------

_ENC = re.compile(r"#\s*encoding:\s*\[([^\]]*)\]")


def _run(args: list[str], text: str) -> str:
    proc = subprocess.run(args, check=False, input=text, capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and "error" not in proc.stderr, proc.stderr[:2000]
    return proc.stdout


@lru_cache(maxsize=1)
def _llvm_encodings() -> tuple[bytes, ...]:
    assert LLVM_MC is not None
    out = _run([LLVM_MC, "-triple", "bpf", "-mcpu=v4", "-show-encoding"], "\n".join(FORMS) + "\n")
    encs = tuple(bytes(int(b, 16) for b in m.group(1).split(",")) for m in _ENC.finditer(out))
    assert len(encs) == len(FORMS), out[:2000]
    return encs


@lru_cache(maxsize=1)
def _llvm_disassembly() -> tuple[str, ...]:
    """llvm-mc -disassemble of our bytes: one line per instruction."""
    assert LLVM_MC is not None
    data = b"".join(encode(_one(line).insns) for line in FORMS)
    out = _run([LLVM_MC, "-triple", "bpf", "-mcpu=v4", "-disassemble"], " ".join(f"{b:#04x}" for b in data) + "\n")
    lines = tuple(ln.strip() for ln in out.splitlines() if ln.strip() and ln.strip() != ".text")
    assert len(lines) == len(FORMS), out[:2000]
    return lines


@lru_cache(maxsize=1)
def _objdump_lines(tmp: str) -> tuple[str, ...]:
    assert LLVM_MC is not None and LLVM_OBJDUMP is not None
    obj = Path(tmp) / "forms.o"
    src = Path(tmp) / "forms.s"
    src.write_text("\n".join(FORMS) + "\n")
    subprocess.run([LLVM_MC, "-triple", "bpf", "-mcpu=v4", "-filetype=obj", str(src), "-o", str(obj)],
                   check=True, capture_output=True, timeout=120)
    out = _run([LLVM_OBJDUMP, "-d", "--mcpu=v4", "--no-show-raw-insn", str(obj)], "")
    lines = []
    for ln in out.splitlines():
        m = re.match(r"^\s*\d+:\s*(.*?)\s*$", ln)
        if m:
            lines.append(re.sub(r" <[\w.$]+(?:[+-]0x[0-9a-f]+)?>$", "", m.group(1)))  # the symbolized target
    assert len(lines) == len(FORMS), out[:2000]
    return tuple(lines)


# --------------------------------------------------------------------------------------------
# Per form
# --------------------------------------------------------------------------------------------


@needs_llvm
@pytest.mark.llvm
@pytest.mark.parametrize("k", range(len(FORMS)), ids=FORMS)
def test_encoding_matches_llvm_mc(k: int) -> None:
    ours = encode(_one(FORMS[k]).insns)
    assert ours.hex(" ") == _llvm_encodings()[k].hex(" ")


@needs_llvm
@pytest.mark.llvm
@pytest.mark.parametrize("k", range(len(FORMS)), ids=FORMS)
def test_llvm_printer_matches_llvm_mc_disassembler(k: int) -> None:
    insn = _one(FORMS[k]).insns[0]
    assert llvm_insn(insn, call_names=False) == _llvm_disassembly()[k]


@needs_objdump
@pytest.mark.llvm
def test_llvm_printer_hex_matches_llvm_objdump(tmp_path_factory: pytest.TempPathFactory) -> None:
    want = _objdump_lines(str(tmp_path_factory.mktemp("objdump")))
    got = [llvm_insn(_one(line).insns[0], call_names=False, hex_imm=True) for line in FORMS]
    bad = [(line, g, w) for line, g, w in zip(FORMS, got, want, strict=True) if g != w]
    assert not bad, bad[:10]


@pytest.mark.parametrize("k", range(len(FORMS)), ids=FORMS)
def test_round_trips(k: int) -> None:
    prog = _one(FORMS[k])
    insns = prog.insns
    insn = insns[0]
    # codec
    assert decode(encode(insns)) == insns
    # LLVM syntax, decimal and hex, with and without helper names
    for hex_imm in (False, True):
        text = llvm_insn(insn, call_names=False, hex_imm=hex_imm)
        assert _one(text).insns == insns, text
        named = llvm_insn(insn, hex_imm=hex_imm)
        assert [_norm(x) for x in _one(named).insns] == [_norm(x) for x in insns], named
    # the kernel's `(xx) text`, read back by frontend.dumps (callx: the kernel prints no register)
    if _kernel_lossy(insn):
        return
    printed = kernel_insn(insn)
    code, text = int(printed[1:3], 16), printed[5:]
    back = parse_insn_text(code, text)
    if isinstance(insn, LoadImm64):
        assert back == insn
    else:
        assert _norm(back) == _norm(insn), printed


# --------------------------------------------------------------------------------------------
# Whole programs
# --------------------------------------------------------------------------------------------


def _all_forms_program() -> Program:
    (prog,) = parse("\n".join(FORMS) + "\n", "<forms>")
    return prog


def test_program_round_trip_llvm() -> None:
    prog = _all_forms_program()
    for hex_imm in (False, True):
        text = llvm_program(prog, hex_imm=hex_imm)
        (back,) = parse(text, "<printed>")
        assert [_norm(x) for x in back.insns] == [_norm(x) for x in prog.insns]
        assert "LBB_" in text  # in-range jump targets are labels


def test_program_round_trip_kernel_log() -> None:
    prog = _all_forms_program()
    (back,) = read_kernel_log(format_program_kernel(prog), "<log>")
    assert len(back.insns) == len(prog.insns)
    pairs = [(a, b) for a, b in zip(back.insns, prog.insns, strict=True) if not _kernel_lossy(b)]
    assert [_norm(a) for a, _ in pairs] == [_norm(b) for _, b in pairs]


PROGRAM = """\
\t.section tc
\t.map counters, type=array, key=4, value=8, entries=4
\t.map ringbuf, type=ringbuf, key=0, value=0, entries=4096
\t.subprog glob global
\tr6 = r1
\tr1 = counters ll
\tr2 = r10
\tr2 += -4
\tcall bpf_map_lookup_elem
\tif r0 == 0 goto out
\tr1 = 1
\tlock *(u64 *)(r0 + 0) += r1
\tr1 = cb ll
\tcall helper
\tcall glob
\tcall bpf_obj_drop_impl
\tgotol out
\tmay_goto out
out:
\tr0 = 0
\texit
helper:
\tw0 = 1
\texit
cb:
\tr0 = 0
\texit
glob:
\tr0 = *(u32 *)skb[r1 + 4]
\t.insn 0xcb, 1, 2, 0, 256
\t.insn 0x18, 1, 2, 0, 5, 7
\t.insn 0x18, 1, 3, 0, 5, 0x00, 1, 1, 1, 7
\t.insn 0x00, 1, 2, 0, 5
\texit
"""


def test_program_with_labels_maps_subprograms_round_trip() -> None:
    (prog,) = parse(PROGRAM, "<prog>")
    text = llvm_program(prog)
    (back,) = parse(text, "<printed>")
    assert back.insns == prog.insns
    assert back.maps == prog.maps and back.funcs == prog.funcs and back.prog_type == prog.prog_type
    assert "\tcall helper" in text and "\tr1 = counters ll" in text and "\tcall bpf_map_lookup_elem" in text
    assert ".subprog glob global" in text and "\tr1 = cb ll" in text
    assert "\t.insn 0xcb, 1, 2, 0, 256  # (cb) r1 = load_acquire((u16 *)(r2 +0))" in text
    # the bytes too, ld_imm64 tails with reserved bits included
    data = encode(prog.insns)
    assert encode(decode(data)) == data
    assert decode(data) == tuple(dataclasses.replace(x, sym=None) for x in prog.insns)
    tail = prog.insns[-3]
    assert isinstance(tail, Imm64Tail) and (tail.dst, tail.src, tail.off) == (1, 1, 1)


def test_program_from_bytes_round_trips_through_llvm_syntax() -> None:
    """Decoded bytecode (no names) prints with generated labels and `.insn` where needed."""
    (prog,) = parse(PROGRAM, "<prog>")
    data = encode(prog.insns)
    decoded = Program(insns=decode(data), file="<bin>")
    text = llvm_program(decoded)
    (back,) = parse(text, "<printed>")
    same = [a for a in decoded.insns if not (isinstance(a, LoadImm64) and a.src == 1)]
    assert len(back.insns) == len(decoded.insns)
    assert encode(b for b in back.insns if not (isinstance(b, LoadImm64) and b.src == 1)) == encode(same)
    assert "subprog_" in text and "LBB_" in text


def test_unprintable_encodings_use_insn_directive() -> None:
    cases = [
        Store(0xDB, 1, 2, 0, 0x100),  # load_acquire: no syntax in LLVM 19
        Insn(0x07, 1, 3, 0, 5),  # ALU K with a source register set
        Jmp(0x95, 1),  # exit with dst set
        Insn(0xFF, 1, 2, 3, 4),
    ]
    for insn in cases:
        text = llvm_insn(insn)
        assert text.startswith(".insn "), text
        (prog,) = parse(text + "\n", "<raw>")
        assert encode(prog.insns) == encode([insn])


# Lines LLVM refuses; so do we (with a message and a column). (`r11 = 1` is not here: llvm-mc reads it
# as the assignment of a symbol r11.) Where llvm-mc silently truncates an out-of-range immediate
# (`*(u64 *)(r1 + 0) = 0xffffffff1` -> -15) we refuse too, deliberately.
REJECTED = [
    "w1 = *(u64 *)(r2 + 0)", "w1 = *(s8 *)(r2 + 0)", "*(u64 *)(r1 + 0) = w2", "lock *(u64 *)(r1 + 0) += w2",
    "lock *(u8 *)(r1 + 0) += w2", "if r1 == w2 goto +1", "w0 = *(u32 *)skb[1]", "r0 = *(u64 *)skb[1]",
    "r1 = *(u64 *)(r2 + 0x8000)", "goto +65535", "w1 = (s32)w2", "w1 = -w2", "r1 = be16 r2", "w1 = be16 w1",
    "r1 = r2 ll", "lock *(u64 *)(r1 + 0) -= r2", "r1 = *(s64 *)(r2 + 0)", "r1 = 08", "w1 = r2", "r1 += w2",
    "*(u64 *)(w1 + 0) = r2", "exit r0", "call", "r1 = (s8)w2", "if r1 = 1 goto +1",
]


def test_rejected_forms_are_rejected_by_us() -> None:
    from verifier_model.errors import InputError

    for line in REJECTED:
        with pytest.raises(InputError) as e:
            parse(line + "\n", "<bad>")
        assert e.value.line == 1 and e.value.col >= 1, line


@needs_llvm
@pytest.mark.llvm
def test_rejected_forms_are_rejected_by_llvm_mc() -> None:
    assert LLVM_MC is not None
    proc = subprocess.run([LLVM_MC, "-triple", "bpf", "-mcpu=v4", "-show-encoding"], check=False,
                          input="\n".join(REJECTED) + "\n", capture_output=True, text=True, timeout=120)
    bad_lines = {int(n) for n in re.findall(r"^<stdin>:(\d+):\d+: error:", proc.stderr, re.MULTILINE)}
    assert bad_lines == set(range(1, len(REJECTED) + 1)), [REJECTED[k - 1] for k in set(range(1, len(REJECTED) + 1)) - bad_lines]
