"""Property tests of the input side: whatever bytes or text arrive, the frontends answer with
Programs or an InputError (FILE:LINE:COL: error: ...), never another exception, never a hang.

- random bytes: codec.decode, frontend.load of a `.bin`, and the printers on what decodes;
  encode(decode(b)) == b and the LLVM printer's text reads back to the same bytes;
- random text and mutated valid lines: frontend.asm.parse and the dump readers (verifier log,
  xlated, objdump);
- the CLI: a malformed line gives `FILE:LINE:COL: error: ...` and exit code 2, no traceback;
  an unknown helper or kfunc name gets close names suggested.
"""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from verifier_model.errors import InputError
from verifier_model.frontend import load
from verifier_model.frontend.asm import parse
from verifier_model.frontend.dumps import load_text, read_kernel_log, read_objdump, read_xlated
from verifier_model.isa.codec import decode, encode
from verifier_model.isa.insn import LoadImm64
from verifier_model.isa.printer_hex import format_program as hex_program
from verifier_model.isa.printer_kernel import format_program_kernel
from verifier_model.isa.printer_llvm import format_program as llvm_program
from verifier_model.program import Program

ROOT = Path(__file__).resolve().parents[1]
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "300")), deadline=2000, suppress_health_check=[HealthCheck.too_slow])

VALID_ASM = [
    "r1 = r2", "w1 += 5", "r0 = -r0", "r1 s/= r2", "r1 = (s8)r2", "r1 = be16 r1", "r1 = bswap64 r1",
    "r1 = 0x1234 ll", "r1 = *(u8 *)(r2 + 3)", "r1 = *(s16 *)(r2 - 3)", "*(u64 *)(r10 - 8) = r1",
    "*(u32 *)(r10 - 8) = 7", "lock *(u64 *)(r1 + 0) += r2", "r0 = atomic_fetch_add((u64 *)(r1 + 0), r0)",
    "r0 = xchg_64(r1 + 0, r0)", "w0 = cmpxchg32_32(r1 + 0, w0, w2)", "if r1 == 5 goto +1",
    "if w1 s< w2 goto -1", "goto +0", "gotol +0", "may_goto +0", "call 1", "call bpf_map_lookup_elem",
    "callx r1", "exit", "r0 = *(u8 *)skb[1]", "r0 = *(u16 *)skb[r1]", "r1 = addr_space_cast(r2, 1, 0)",
    "l1:", ".section xdp", ".map m, type=hash, key=4, value=8, entries=1", "r1 = m ll", ".license \"GPL\"",
    ".subprog f global", ".insn 0x07, 1, 0, 0, 5", ".insn 0x18, 1, 0, 0, 5, 6", "# comment", "r1 = r2 // c",
]
VALID_LOG = [
    "0: (bf) r6 = r1", "1: (b7) r1 = 0", "2: (7b) *(u64 *)(r10 -8) = r1", "3: (18) r1 = 0xffff888101d2a000",
    "5: (85) call bpf_map_lookup_elem#1", "6: (15) if r0 == 0x0 goto pc+1", "7: (95) exit",
    "func#0 @0", "processed 8 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0",
    "Live regs before insn:", "      0: .1........ (bf) r6 = r1", "; return 0; @ prog.c:12",
    "from 6 to 8: R0=map_value(map=m,ks=4,vs=8) R10=fp0", "8: R0=map_value(map=m,ks=4,vs=8)",
    "R0 invalid mem access 'map_value_or_null'", "6: (15) if r0 == 0x0 goto pc+1 8: R0=0",
]
VALID_XLATED = [
    "   0: (bf) r6 = r1", "   1: (18) r1 = map[id:5]", "   3: (85) call bpf_map_lookup_elem#12345",
    "   4: (95) exit", "int prog(struct xdp_md * ctx):", "; return XDP_PASS;", "   5: (85) call pc+2#sub",
]
VALID_OBJDUMP = [
    "x.o:\tfile format elf64-bpf", "", "Disassembly of section xdp:", "", "0000000000000000 <prog>:",
    "       0:\tb7 00 00 00 02 00 00 00\tr0 = 0x2", "       1:\t95 00 00 00 00 00 00 00\texit",
    "       2:\t18 01 00 00 00 00 00 00 00 00 00 00 00 00 00 00\tr1 = 0x0 ll",
    "\t\t0000000000000010:  R_BPF_64_64\tm", "       4:\t85 10 00 00 ff ff ff ff\tcall -0x1",
    "\t\t0000000000000020:  R_BPF_64_32\tbpf_ct_release",
]


def _clean(fn, *args):  # type: ignore[no-untyped-def]
    """Call fn; an InputError is a clean answer (it must render as FILE:LINE:COL: error: MSG)."""
    try:
        return fn(*args)
    except InputError as e:
        text = str(e)
        assert ": error: " in text and "\n" not in e.msg.strip("\n"), text
        return None


# --------------------------------------------------------------------------------------------
# Bytes
# --------------------------------------------------------------------------------------------

slots = st.lists(st.binary(min_size=8, max_size=8), max_size=40).map(b"".join)
# mostly-valid instructions: real opcode bytes with small fields
real_codes = st.sampled_from([0x07, 0x0F, 0x04, 0xB7, 0xBF, 0xBC, 0x18, 0x61, 0x79, 0x7B, 0x7A, 0x63, 0xC3,
                              0xDB, 0x15, 0x1D, 0x16, 0x05, 0x06, 0xE5, 0x85, 0x8D, 0x95, 0x20, 0x50, 0xD4,
                              0xD7, 0x87, 0x3F, 0x81, 0x91, 0xCB])
near_valid = st.lists(
    st.tuples(real_codes, st.integers(0, 255), st.integers(-4, 4), st.sampled_from([0, 1, -1, 8, 16, 64, 0xE1, 0xF1, 0x100])),
    max_size=30,
).map(lambda xs: b"".join(bytes([c, r]) + off.to_bytes(2, "little", signed=True) + imm.to_bytes(4, "little", signed=True)
                          for c, r, off, imm in xs))


@FUZZ
@given(st.binary(max_size=400) | slots | near_valid)
@example(b"\x18" + b"\x00" * 7)  # ld_imm64 without its second half
@example(b"\x00" * 7)
def test_decode_random_bytes(data: bytes) -> None:
    insns = _clean(decode, data, "<fuzz>")
    if insns is None:
        return
    assert encode(insns) == data  # byte-exact, reserved fields included
    assert decode(encode(insns)) == insns
    prog = Program(insns=insns, file="<fuzz>")
    # every printer prints every decoded program
    hex_program(prog)
    format_program_kernel(prog)
    format_program_kernel(prog, dialect="xlated")
    # the LLVM text (with `.insn` for what has no syntax) reads back to the same bytes
    text = llvm_program(prog)
    (back,) = parse(text, "<printed>")
    assert encode(back.insns) == data, text


@FUZZ
@given(st.binary(max_size=200) | slots | near_valid)
def test_load_random_bin_file(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        path = Path(d) / "fuzz.bin"
        path.write_bytes(data)
        _clean(load, path)


# --------------------------------------------------------------------------------------------
# Text
# --------------------------------------------------------------------------------------------

ASM_ALPHABET = st.sampled_from(list("r w0123456789+-*/=<>&|^%()[],.:;#\"x lsugoiftbecalmkpdn_\t\n") + ["\x00", "é", "\r"])
noise = st.text(ASM_ALPHABET, max_size=120) | st.text(max_size=80)


@st.composite
def mutated(draw: st.DrawFn, lines: list[str]) -> str:
    """A few valid lines with random edits: delete, insert, replace, duplicate, swap words."""
    if draw(st.booleans()):  # the whole document, in order
        out = list(lines)
    else:
        out = draw(st.lists(st.sampled_from(lines), min_size=1, max_size=8))
    for _ in range(draw(st.integers(0, 4))):
        k = draw(st.integers(0, len(out) - 1))
        s = out[k]
        kind = draw(st.sampled_from(["del", "ins", "rep", "dup", "swap", "num"]))
        i = draw(st.integers(0, len(s)))
        if kind == "del" and s:
            s = s[:i] + s[i + 1:]
        elif kind == "ins":
            s = s[:i] + draw(ASM_ALPHABET) + s[i:]
        elif kind == "rep" and s:
            s = s[:i] + draw(ASM_ALPHABET) + s[i + 1:]
        elif kind == "dup":
            s = s[:i] + s[i // 2:]
        elif kind == "swap":
            words = s.split(" ")
            if len(words) > 1:
                a, b = draw(st.integers(0, len(words) - 1)), draw(st.integers(0, len(words) - 1))
                words[a], words[b] = words[b], words[a]
                s = " ".join(words)
        elif kind == "num":
            s = s[:i] + str(draw(st.sampled_from([2**15, 2**31, 2**32, 2**63, 2**64, -(2**70), 10**40]))) + s[i:]
        out[k] = s
    return "\n".join(out) + "\n"


@FUZZ
@given(noise | mutated(VALID_ASM))
@example("r1 = " + "9" * 5000)
@example("r1 = 08")
@example("if r1 == 1 goto +99999")
@example(".insn 0x18, 1")
@example(".map")
@example("r1 = *(u64 *)(r2 + 40000)")
@example("call bpf_map_lookup_elemm")
def test_asm_parse_random_text(text: str) -> None:
    progs = _clean(parse, text, "<fuzz>")
    for p in progs or ():
        (back,) = parse(llvm_program(p), "<printed>", p.prog_type)
        assert encode(back.insns) == encode(p.insns)


def _relocation_free(prog: Program) -> bytes:
    """The program's bytes with map fds/ids zeroed (the LLVM text names maps; the number is
    relocation, which `r1 = NAME ll` does not carry)."""
    return encode(dataclasses.replace(x, imm=0) if isinstance(x, LoadImm64) and x.src == 1 else x
                  for x in prog.insns)


def _reprints(progs: list[Program] | None) -> None:
    """Whatever a dump reader returns prints in LLVM syntax and reads back to the same bytes."""
    for p in progs or ():
        if len(p.insns) > 5000:  # a log line `300000: ...` makes a program of gaps: fine, but slow to print
            continue
        (back,) = parse(llvm_program(p), "<printed>", p.prog_type)
        assert _relocation_free(back) == _relocation_free(p)
        format_program_kernel(p)


FAST_SHAPES = [
    "r1 = r2", "w3 = w4", "r1 += 5", "w1 -= -7", "r0 s>>= 3", "r1 s/= r2", "r10 = 0", "r1 = -2147483648",
    "r1 = 4294967295", "w1 = 99999999999", "r1 = *(u64 *)(r10 - 8)", "w2 = *(u8 *)(r3 + 0)",
    "w2 = *(u64 *)(r3 + 0)", "r1 = *(s8 *)(r2 + 1)", "r1 = *(s64 *)(r2 + 1)", "r1 = *(u32 *)(w2 + 1)",
    "r1 = *(u32 *)(r2 + 40000)", "*(u64 *)(r10 - 8) = r1", "*(u32 *)(r10 - 8) = w1", "*(u64 *)(r10 - 8) = w1",
    "*(u8 *)(r1 + 3) = 7", "*(s8 *)(r1 + 3) = 7", "if r1 == 0 goto +1", "if w1 s< w2 goto -3",
    "if r1 & 16 goto out", "if r1 > r2 goto r3", "if r1 > r2 goto goto", "if r1 == w2 goto +1", "goto out",
    "goto +32768", "goto ll", "goto exit", "call bpf_map_lookup_elem", "call 1", "call r1", "call exit",
    "call 4294967296", "exit", "r1 = 5 ll", "r1 = m ll", "r1 = r2 ll", "r1 = u8 ll", "w1 = 5 ll",
    "r1 = 99999999999999999999 ll", "r1 = -9223372036854775809 ll",
]


def _both(text: str) -> tuple[str, object]:
    from lark.exceptions import LarkError

    from verifier_model.frontend import asm

    try:
        pend = asm._fast(text)
        fast = ("none", None) if pend is None else ("ok", (pend.insn, pend.target))
    except asm.AsmError as e:
        fast = ("error", e.msg)
    try:
        pend = asm._parser().parse(text)
        slow: tuple[str, object] = ("ok", (pend.insn, pend.target))
    except LarkError as e:
        inner = getattr(e, "orig_exc", None)
        slow = ("error", inner.msg) if isinstance(inner, asm.AsmError) else ("syntax", None)
    except asm.AsmError as e:
        slow = ("error", e.msg)
    return fast, slow  # type: ignore[return-value]


@FUZZ
@given(st.sampled_from(FAST_SHAPES) | mutated(FAST_SHAPES).map(lambda t: t.splitlines()[0].strip()))
def test_fast_path_agrees_with_the_grammar(text: str) -> None:
    """frontend.asm's regex fast path builds what the LALR grammar builds, or leaves the line to it."""
    fast, slow = _both(text)
    if fast[0] != "none":  # an instruction, or the transformer's own error, on both paths
        assert slow == fast, text


@FUZZ
@given(noise | mutated(VALID_LOG))
@example("0: (bf) r6 = r1\n0: (bf) r6 = r2\n")
@example("99999999: (95) exit\n")
def test_kernel_log_reader_random_text(text: str) -> None:
    _reprints(_clean(read_kernel_log, text, "<fuzz>"))
    _clean(load_text, text, "<fuzz>")


@FUZZ
@given(noise | mutated(VALID_XLATED))
@example("   4: (95) exit\n\u00e9intprog(struct xdp_md * ctx):\n   5: (85) call pc+2#sub\n")  # non-ASCII name
def test_xlated_reader_random_text(text: str) -> None:
    _reprints(_clean(read_xlated, text, "<fuzz>"))


@FUZZ
@given(noise | mutated(VALID_OBJDUMP))
def test_objdump_reader_random_text(text: str) -> None:
    _reprints(_clean(read_objdump, text, "<fuzz>"))


@settings(max_examples=50, deadline=2000)
@given(st.binary(max_size=300))
def test_load_random_files_of_every_kind(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as d:
        for suffix in (".s", ".log", ".txt", ".o"):
            path = Path(d) / f"fuzz{suffix}"
            path.write_bytes(data)
            _clean(load, path)
        path = Path(d) / "fuzz.o"
        path.write_bytes(b"\x7fELF" + data)
        try:
            load(path)
        except InputError:
            pass


# --------------------------------------------------------------------------------------------
# The CLI
# --------------------------------------------------------------------------------------------


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.run([sys.executable, "-m", "verifier_model", *args], check=False, capture_output=True,
                          text=True, timeout=120, env=env, cwd=ROOT)


@pytest.mark.parametrize(
    ("text", "line", "col", "msg"),
    [
        ("r0 = 0\nr1 = = 2\nexit\n", 2, 6, "error: expected"),
        ("r0 = 0\n  r1 += w2\nexit\n", 2, 3, "error: mixed 32-bit and 64-bit registers"),
        ("exit\nif r1 == 0 goto nowhere\n", 2, 1, "error: unknown label 'nowhere'"),
        ("r1 = *(u64 *)(r2 + 40000)\n", 1, 1, "does not fit in a signed 16-bit field"),
        ("r1 = 08\n", 1, 1, "error: invalid number '08'"),
    ],
)
def test_cli_malformed_line(tmp_path: Path, text: str, line: int, col: int, msg: str) -> None:
    bad = tmp_path / "bad.s"
    bad.write_text(text)
    proc = _cli("disasm", str(bad))
    assert proc.returncode == 2, proc.stderr
    assert "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{bad}:{line}:{col}: error: "), proc.stderr
    assert msg in proc.stderr


def test_cli_disasm_formats(tmp_path: Path) -> None:
    src = tmp_path / "ok.s"
    src.write_text(".section xdp\nr1 = 0x1234 ll\nif r1 == 5 goto out\nr0 = 1\nout:\nexit\n")
    for fmt in ("llvm", "kernel", "hex"):
        proc = _cli("disasm", "--format", fmt, str(src))
        assert proc.returncode == 0, proc.stderr
    proc = _cli("disasm", str(src))
    assert proc.stdout == "\t.section xdp\n\tr1 = 4660 ll\n\tif r1 == 5 goto out\n\tr0 = 1\nout:\n\texit\n"


def test_unknown_helper_suggests_close_names() -> None:
    with pytest.raises(InputError) as e:
        parse("call bpf_map_lookup_elm\nexit\n", "x.s")
    assert (e.value.line, e.value.col) == (1, 1)
    assert "unknown helper or kfunc 'bpf_map_lookup_elm'" in e.value.msg
    assert "did you mean 'bpf_map_lookup_elem'" in e.value.msg
    with pytest.raises(InputError) as e:
        parse("call bpf_ct_relase\nexit\n", "x.s")
    assert "'bpf_ct_release'" in e.value.msg


def test_unknown_helper_via_cli(tmp_path: Path) -> None:
    bad = tmp_path / "typo.s"
    bad.write_text("r0 = 0\ncall bpf_xdp_ct_lookupp\nexit\n")
    proc = _cli("disasm", str(bad))
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.startswith(f"{bad}:2:1: error: unknown helper or kfunc 'bpf_xdp_ct_lookupp'; did you mean 'bpf_xdp_ct_lookup'")
