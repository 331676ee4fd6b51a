"""Reading kernel verifier logs (frontend/dumps.py): the kernel-log dialect round trip over the
~250 recorded 6.18 logs, level-1 and level-2 logs, and the errors a malformed log gets."""
from __future__ import annotations

import random
import re
from pathlib import Path

import pytest

from verifier_model import kernel
from verifier_model.errors import InputError
from verifier_model.frontend import load
from verifier_model.frontend.dumps import (
    GAP,
    InsnTextError,
    is_gap,
    parse_insn_text,
    parse_kernel_insn_line,
    read_kernel_log,
)
from verifier_model.isa.codec import with_tails
from verifier_model.isa.insn import Alu, Imm64Tail, Jmp, Load, LoadImm64, Store, StoreImm
from verifier_model.isa.opcodes import (
    PSEUDO_FUNC,
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_VALUE,
    ProgType,
)
from verifier_model.isa.printer_kernel import format_insn, format_program_kernel
from verifier_model.program import MapDef, Program

LOGS = Path(__file__).resolve().parents[2] / "shared" / "semantics" / "live-6.18-logs"
LOG_FILES = sorted(LOGS.glob("*.log"))
INSN_LINE = re.compile(r"^\d+: \((..)\) (.*?)(\s+;.*)?$")  # the brief's definition of an instruction line
INLINE_STATE = re.compile(r" \d+: (?:frame\d+: )?R\d+.*$")  # level 1: the branch target's state

needs_logs = pytest.mark.skipif(not LOG_FILES, reason=f"no recorded logs in {LOGS}")


def _insn_lines(text: str) -> list[tuple[int, str, str]]:
    """(line number, opcode, text) of every instruction line, the text as the kernel printed it."""
    out = []
    for lineno, line in enumerate(text.splitlines(), 1):
        m = INSN_LINE.match(line)
        if m:
            out.append((lineno, m[1], INLINE_STATE.sub("", m[2])))
    return out


# --- the round trip over the recorded logs ---------------------------------------------------


@needs_logs
def test_every_instruction_line_of_the_recorded_logs_reprints_identically() -> None:
    count = 0
    for path in LOG_FILES:
        for lineno, code, text in _insn_lines(path.read_text()):
            insn = parse_insn_text(int(code, 16), text)
            assert format_insn(insn) == f"({code}) {text}", f"{path.name}:{lineno}"
            count += 1
    assert count > 3000


@needs_logs
def test_every_recorded_log_reads_into_a_program_that_prints_its_lines() -> None:
    """Whole logs through the reader: each printed index holds an instruction printing exactly as
    the log printed it (map loads, turned back into map references, print as unprivileged logs do)."""
    with_insns = 0
    for path in LOG_FILES:
        text = path.read_text()
        lines = _insn_lines(text)
        if not lines:
            with pytest.raises(InputError, match="no instruction lines"):
                read_kernel_log(text, str(path))
            continue
        try:
            (prog,) = read_kernel_log(text, str(path))
        except InputError as e:  # a log cut by hand in the middle of a line
            assert not _INSN_OR_STATE.match(text.splitlines()[e.line - 1] + " ..."), str(e)
            continue
        with_insns += 1
        for lineno, code, itext in lines:
            idx = int(text.splitlines()[lineno - 1].split(":")[0])
            insn = prog.insns[idx]
            printed = format_insn(insn, allow_ptr_leaks=insn.src not in (PSEUDO_MAP_FD, PSEUDO_MAP_VALUE))
            if insn.src in (PSEUDO_MAP_FD, PSEUDO_MAP_VALUE):
                assert itext.startswith(printed[5:].split(" = ")[0])
            else:
                assert printed == f"({code}) {itext}", f"{path.name}:{lineno}"
            assert prog.loc(idx) is not None
    assert with_insns > 100


_INSN_OR_STATE = re.compile(r"^\d+: \([0-9a-f]{2}\) ")


@needs_logs
def test_a_log_cut_in_the_middle_of_a_line_names_that_line() -> None:
    path = LOGS / "F6d_unbounded_loop_on_unknown.log"
    if not path.exists():
        pytest.skip("F6d log not recorded")
    lines = path.read_text().splitlines()
    with pytest.raises(InputError) as e:
        read_kernel_log("\n".join(lines) + "\n", str(path))
    assert lines[e.value.line - 1].startswith("1: (0")
    assert e.value.col == 4


# --- level 1 ---------------------------------------------------------------------------------

LEVEL1 = """\
0: R1=ctx() R10=fp0
0: (bf) r6 = r1                       ; R1=ctx() R6=ctx()
1: (b7) r1 = 1                        ; R1=1
2: (18) r2 = 0x6                      ; R2=func()
4: (b7) r3 = 0                        ; R3=0
5: (b7) r4 = 0                        ; R4=0
6: (85) call bpf_loop#181 9: frame1: R1=scalar() R2=0 R10=fp0 cb
9: (bf) r6 = r2                       ; frame1: R2=0 R6=0 cb
10: (15) if r6 == 0x0 goto pc+1 12: frame1: R6=0 cb
12: (85) call bpf_xdp_ct_lookup#66135
arg#0 expected pointer to ctx, but got scalar
processed 27 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
"""


def test_level1_log_keeps_printed_instructions_and_marks_the_rest_as_gaps() -> None:
    (prog,) = read_kernel_log(LEVEL1, "s6.log")
    assert len(prog) == 13
    assert prog.insns[0] == Alu(0xBF, 6, 1)
    assert prog.insns[2] == LoadImm64(0x18, 2, PSEUDO_FUNC, 0, 6, None, 0)  # R2=func(): a callback
    assert isinstance(prog.insns[3], Imm64Tail)
    assert prog.insns[6] == Jmp(0x85, 0, 0, 0, 181, "bpf_loop")
    assert prog.insns[10] == Jmp(0x15, 6, 0, 1, 0)  # the state printed after the branch is dropped
    assert prog.insns[12] == Jmp(0x85, 0, PSEUDO_KFUNC_CALL, 0, 66135, "bpf_xdp_ct_lookup")
    assert [i for i, insn in enumerate(prog.insns) if is_gap(insn)] == [7, 8, 11]
    assert prog.insns[7] == GAP
    assert [f.insn for f in prog.funcs] == [9]  # the callback's start
    assert prog.loc(9) is not None and prog.loc(9).line == 8
    assert "7: <not in the log>" in format_program_kernel(prog).splitlines()


def test_an_accepted_level1_log_has_no_instructions() -> None:
    text = "processed 5 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n"
    with pytest.raises(InputError, match="log level 2") as e:
        read_kernel_log(text, "ok.log")
    assert (e.value.file, e.value.line, e.value.col) == ("ok.log", 0, 0)


def test_unknown_helper_and_pseudo_call_read_back() -> None:
    text = "0: (85) call unknown#100000\n1: (85) call pc+3\n2: (85) call bpf_map_lookup_elem#1\n5: (95) exit\n"
    (prog,) = read_kernel_log(text)
    assert prog.insns[0] == Jmp(0x85, 0, 0, 0, 100000)
    assert prog.insns[1] == Jmp(0x85, 0, 1, 0, 3)
    assert prog.insns[2] == Jmp(0x85, 0, 0, 0, 1, "bpf_map_lookup_elem")
    assert [f.insn for f in prog.funcs] == [5]


# --- level 2 ---------------------------------------------------------------------------------

LEVEL2 = """\
func#0 @0
func#1 @14
Live regs before insn:
      0: .1........ (bf) r6 = r1
      1: ......6... (62) *(u32 *)(r10 -4) = 0
      2: ......6... (bf) r2 = r10
      3: ..2...6... (07) r2 += -4
      4: ..2...6... (18) r1 = 0xffff88810a581c00
      6: .12...6... (85) call bpf_map_lookup_elem#1
      7: 0.23456... (15) if r0 == 0x0 goto pc+2
      8: 0.23456... (b7) r1 = 1
      9: 0123456... (db) lock *(u64 *)(r0 +0) += r1
     10: ..23456... (bf) r1 = r6
     11: .12345.... (85) call pc+2
     12: .......... (b7) r0 = 2
     13: 0......... (95) exit
     14: .......... (b7) r0 = 1
     15: 0......... (95) exit
0: R1=ctx() R10=fp0
; int xdp_prog(struct xdp_md *ctx) @ prog2.c:10
0: (bf) r6 = r1                       ; R1=ctx() R6=ctx()
1: (62) *(u32 *)(r10 -4) = 0          ; R10=fp0 fp-8=0000????
2: (bf) r2 = r10                      ; R2=fp0 R10=fp0
3: (07) r2 += -4                      ; R2=fp-4
4: (18) r1 = 0xffff88810a581c00       ; R1=map_ptr(map=counters,ks=4,vs=8)
6: (85) call bpf_map_lookup_elem#1    ; R0=map_value(map=counters,ks=4,vs=8)
7: (15) if r0 == 0x0 goto pc+2        ; R0=map_value(map=counters,ks=4,vs=8)
8: (b7) r1 = 1                        ; R1=1
9: (db) lock *(u64 *)(r0 +0) += r1    ; R0=map_value(map=counters,ks=4,vs=8) R1=1
10: (bf) r1 = r6                      ; R1=ctx() R6=ctx()
11: (85) call pc+2
caller:
 R6=ctx() R10=fp0 fp-8=0000????
callee:
 frame1: R1=ctx() R10=fp0
14: frame1: R1=ctx() R10=fp0
14: (b7) r0 = 1                       ; frame1: R0=1
15: (95) exit
returning from callee:
 frame1: R0=1 R1=ctx() R10=fp0
to caller at 12:
 R0=1 R6=ctx() R10=fp0 fp-8=0000????

from 15 to 12: R0=1 R6=ctx() R10=fp0 fp-8=0000????
12: (b7) r0 = 2                       ; R0=2
13: (95) exit
processed 15 insns (limit 1000000) max_states_per_insn 1 total_states 1 peak_states 1 mark_read 0
"""


def test_level2_log_gives_the_whole_program_with_its_map_and_subprogram() -> None:
    (prog,) = read_kernel_log(LEVEL2, "x1.log", ProgType.SCHED_CLS)
    assert prog.prog_type == ProgType.SCHED_CLS
    assert len(prog) == 16 and not any(is_gap(i) for i in prog.insns)
    assert prog.insns[4] == LoadImm64(0x18, 1, PSEUDO_MAP_FD, 0, 0, "counters", 0)
    assert prog.maps == (MapDef("counters", 1, 4, 8, 1),)
    assert prog.insns[9] == Store(0xDB, 0, 1, 0, 0)
    assert [(f.insn, f.name, f.linkage) for f in prog.funcs] == [(14, "func1", "static")]
    c = prog.c_loc(0)
    assert c is not None and (c.file, c.line, c.text) == ("prog2.c", 10, "int xdp_prog(struct xdp_md *ctx)")


def test_liveness_listing_alone_is_enough() -> None:
    listing = LEVEL2.split("0: R1=ctx()")[0]
    (prog,) = read_kernel_log(listing)
    assert len(prog) == 16 and not any(is_gap(i) for i in prog.insns)
    assert prog.insns[4] == LoadImm64(0x18, 1, 0, 0, 0x0A581C00, None, -0x777F)  # no annotation: a constant


def test_liveness_lines_with_scc_and_pruning_marks() -> None:
    text = "Live regs before insn:\n  1   3: 01........ p (bf) r6 = r1\n      4: .......... P (95) exit\n"
    (prog,) = read_kernel_log(text)
    assert prog.insns[3] == Alu(0xBF, 6, 1) and prog.insns[4] == Jmp(0x95)


def test_global_subprogram_names_and_starts_come_from_validating_lines() -> None:
    text = "Validating gsub() func#1...\n3: R1=ctx() R10=fp0\n3: (bf) r6 = r1\n4: (95) exit\n"
    (prog,) = read_kernel_log(text)
    assert [(f.insn, f.name, f.linkage) for f in prog.funcs] == [(3, "gsub", "global")]


def test_map_value_and_unnamed_map_annotations() -> None:
    text = ("0: (18) r1 = 0xffff888104352200       ; R1=map_ptr(ks=4,vs=64)\n"
            "2: (18) r2 = 0xffff888104352200       ; R2=map_ptr(ks=4,vs=64)\n"
            "4: (18) r3 = 0xffffc90000188008       ; R3_w=map_value(map=jt,ks=4,vs=16,off=8)\n"
            "6: (85) call bpf_tail_call#12\n")
    (prog,) = read_kernel_log(text)
    assert prog.insns[0].sym == prog.insns[2].sym == "map0"
    assert prog.insns[4] == LoadImm64(0x18, 3, PSEUDO_MAP_VALUE, 0, 0, "jt", 8)
    assert prog.maps == (MapDef("map0", 3, 4, 64, 1), MapDef("jt", 2, 4, 16, 1))  # r2 feeds bpf_tail_call


def test_several_loads_in_one_file_are_several_programs() -> None:
    one = "0: (b7) r0 = 0\n1: (95) exit\nprocessed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n"
    two = "libbpf: prog 'second': -- BEGIN PROG LOAD LOG --\n0: (b7) r0 = 1\n1: (95) exit\n-- END PROG LOAD LOG --\n"
    progs = read_kernel_log(one + two, "two.log")
    assert [p.name for p in progs] == ["two_1", "second"]  # unnamed logs get their first line
    assert progs[1].insns[0] == Alu(0xB7, 0, 0, 0, 1)


# --- malformed logs --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("0: (bf) r6 = r1\n1: (bf) r1 = q2\n", 2, 9, "expected 'r1 = r2'"),
        ("0: (61) r0 = *(u64 *)(r1 +0)\n", 1, 17, "expected 'r0 = *(u32 *)(r1 +0)'"),
        ("0: (zz) r0 = 0\n", 1, 4, "two-digit hex opcode"),
        ("0: (b7) r0 = 0\n0: (b7) r0 = 1\n", 2, 1, "printed as '(b7) r0 = 0' at line 1"),
        ("0: (18) r1 = 0x5\n1: (95) exit\n", 2, 1, "second half of the ld_imm64 at 0"),
        ("1: (95) exit\n0: (18) r1 = 0x5\n", 2, 1, "overlaps instruction 1"),
        ("12345678: (95) exit\n", 1, 1, "1000000-instruction limit"),
        ("0: (b7) r16 = 0\n", 1, 10, "register 16 is out of range"),
        ("0: (07) r1 += 4294967296\n", 1, 15, "immediate 4294967296 is out of range"),
        ("0: (05) goto pc+40000\n", 1, 16, "offset +40000 is out of range"),
        ("0: (c3) BUG_c3\n", 1, 9, "expected 'lock *(u32 *)(r1 +0) += r2'"),
        ("0: (e0) r0 = 0\n", 1, 9, "prints opcode e0 as 'BUG_...'"),
        ("0: (85) call pc+3#sym\n", 1, 18, "expected 'call pc+3'"),
        ("0: (18) r1 = map[id:3]\n", 1, 14, "expected 'r1 = 0x3'"),
    ],
)
def test_malformed_lines_name_line_column_and_what_was_expected(text: str, line: int, col: int, message: str) -> None:
    with pytest.raises(InputError) as e:
        read_kernel_log(text, "bad.log")
    assert (e.value.file, e.value.line, e.value.col) == ("bad.log", line, col), str(e.value)
    assert message in e.value.msg, e.value.msg


def test_parse_kernel_insn_line_reports_columns_in_the_line() -> None:
    assert parse_kernel_insn_line("7: (bf) r6 = r1        ; R1=ctx()") == (7, Alu(0xBF, 6, 1))
    with pytest.raises(InsnTextError) as e:
        parse_kernel_insn_line("7: (bf) r6 = w1")
    assert e.value.col == 13


def test_load_sniffs_a_log_whatever_its_extension(tmp_path: Path) -> None:
    for name in ("x.log", "x.txt", "x.verifier"):
        f = tmp_path / name
        f.write_text(LEVEL2)
        (prog,) = load(f)
        assert len(prog) == 16


# --- the live kernel: assembly -> level-2 log -> the same instructions --------------------------

AVAILABLE, REASON = kernel.available()
CORPUS = Path(__file__).resolve().parents[1] / "corpus"


def _raw(p: Program) -> list[tuple[object, ...]]:
    """Fields the kernel sees; map loads compare without the fd the log cannot show."""
    out = []
    for k, i in enumerate(p.insns):
        if isinstance(i, LoadImm64) and i.src in (PSEUDO_MAP_FD, PSEUDO_MAP_VALUE):
            out.append((i.code, i.dst, i.src))
        elif isinstance(i, Imm64Tail) and isinstance(p.insns[k - 1], LoadImm64) and p.insns[k - 1].src in (1, 2):
            out.append(("tail",))
        else:
            out.append((type(i).__name__, i.code, i.dst, i.src, i.off, i.imm, getattr(i, "imm_hi", None)))
    return out


@pytest.mark.kernel
@pytest.mark.skipif(not AVAILABLE, reason=f"kernel oracle: {REASON}")
def test_corpus_programs_come_back_from_their_level2_logs() -> None:
    from verifier_model.kernel.loader import with_kfunc_ids

    files = sorted(CORPUS.rglob("*.s"))
    if not files:
        pytest.skip("no corpus")
    sample = random.Random(618).sample(files, min(120, len(files)))
    checked = 0
    for f in sample:
        try:
            progs = load(f)
        except InputError:
            continue
        for p in progs:
            p = with_kfunc_ids(p)
            log = kernel.load(p, log_level=2).log
            if "Live regs before insn" not in log:
                continue  # rejected before the listing (bad opcode, bad jump, ...)
            (q,) = read_kernel_log(log, str(f))
            assert _raw(q) == _raw(p), f
            checked += 1
    assert checked > 80


@pytest.mark.kernel
@pytest.mark.skipif(not AVAILABLE, reason=f"kernel oracle: {REASON}")
def test_a_program_read_from_a_log_loads_again_with_the_same_verdict() -> None:
    prog = Program(insns=with_tails([
        StoreImm(0x62, 10, 0, -4, 0), Alu(0xBF, 2, 10), Alu(0x07, 2, 0, 0, -4),
        LoadImm64(0x18, 1, PSEUDO_MAP_FD, 0, 0, "m", 0), Jmp(0x85, 0, 0, 0, 1),
        Jmp(0x15, 0, 0, 1, 0), Load(0x79, 0, 0, 0), Alu(0xB7, 0, 0, 0, 0), Jmp(0x95),
    ]), maps=(MapDef("m", 1, 4, 8, 1),))  # the log cannot say a map's type: a hash map reads back as itself
    first = kernel.load(prog, log_level=2)
    (again,) = read_kernel_log(first.log)
    second = kernel.load(again, log_level=2)
    assert (first.verdict, first.errors) == (second.verdict, second.errors) == ("accept", [])
    strip = re.compile(r"0xffff[0-9a-f]{12}")
    assert strip.sub("ADDR", first.log) == strip.sub("ADDR", second.log)
