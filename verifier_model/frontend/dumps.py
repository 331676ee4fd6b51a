"""Dump frontends: what the kernel and the toolchain print, read back into Programs.

- a kernel verifier log, level 1 or 2, pasted whole (`read_kernel_log`): the `N: (xx) text` lines
  of `do_check`, the level-2 `Live regs before insn:` listing (every instruction) and the
  `; C source @ file:line` lines; states, `from X to Y:`, error lines and `processed ...` are
  skipped. Level-2 state annotations (`; R1=map_ptr(map=m,ks=4,vs=8)`, `R2=func()`) turn
  ld_imm64 back into map references and callback addresses.
- `bpftool prog dump xlated` (`read_xlated`), with or without `opcodes` / `linum`.
- `llvm-objdump -d -r` of a BPF object (`read_objdump`): decoded from the printed bytes; the
  printed relocations are applied as libbpf applies them (kfunc calls by name, maps, global data,
  subprograms appended after their caller, depth first, as `bpf_object__reloc_code` does).
- raw bytecode (`load_raw`).

The kernel's instruction text is read with a table of regular expressions selected by the
opcode byte (printed on every line, so the form is known before the text is read). The Insn
built from the fields must print back to exactly the same text (isa.printer_kernel): that is
what makes the reading exact, and it gives every mismatch a precise column.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..isa.codec import decode
from ..isa.insn import Alu, Imm64Tail, Insn, Jmp, Load, LoadImm64, Store, StoreImm, insn_type_for
from ..isa.opcodes import (
    PSEUDO_CALL,
    PSEUDO_FUNC,
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_IDX_VALUE,
    PSEUDO_MAP_VALUE,
    AluOp,
    AtomicOp,
    Cls,
    JmpOp,
    Mode,
    ProgType,
    Size,
    Src,
    prog_type_from_section,
)
from ..isa.printer_kernel import (
    ADDR_SPACE_CAST,
    GAP_SYM,
    LOAD_ACQ,
    NOSPEC_MODE,
    STORE_REL,
    Dialect,
    format_insn,
)
from ..program import FuncInfo, MapDef, Program, SourceLoc

# Placeholder for a slot the log never printed (an instruction do_check never reached at level 1,
# or never reached at all). Opcode 0 is no instruction: the kernel rejects it ("unknown opcode 00").
GAP = Insn(0, sym=GAP_SYM)

MAX_INSNS = 1_000_000  # BPF_COMPLEXITY_LIMIT_INSNS: no program is longer
MAX_SUBPROGS = 256  # BPF_MAX_SUBPROGS
ARRAY_MAP = 2  # BPF_MAP_TYPE_ARRAY: global data and direct map-value loads


def is_gap(insn: Insn) -> bool:
    return type(insn) is Insn and insn.sym == GAP_SYM


# --------------------------------------------------------------------------------------------
# The kernel's text of one instruction -> Insn
# --------------------------------------------------------------------------------------------


class InsnTextError(ValueError):
    """The text after `(xx) ` is not what print_bpf_insn prints; `col` is 0-based in that text."""

    def __init__(self, msg: str, col: int = 0) -> None:
        super().__init__(msg)
        self.msg = msg
        self.col = col


@dataclass(frozen=True, slots=True)
class _Form:
    regex: re.Pattern[str]
    fixed: tuple[tuple[str, int], ...] = ()


_SHORTHAND = {
    "{D}": r"(?P<d>\d+)",
    "{S}": r"(?P<s>\d+)",
    "{O}": r"(?P<o>[+-]\d+)",
    "{I}": r"(?P<i>[+-]?\d+)",
    "{SZ}": r"[us]\d+",
}


def _form(pattern: str, **fixed: int) -> _Form:
    for k, v in _SHORTHAND.items():
        pattern = pattern.replace(k, v)
    return _Form(re.compile(pattern), tuple(fixed.items()))


_MEM = r"\*\({SZ} \*\)\(r{D} {O}\)"  # *(u32 *)(r1 +0), the destination form
_ALU_K = _form(r"[rw]{D} (?P<sop>\S+) {I}")
_ALU_X = _form(r"[rw]{D} (?P<sop>\S+) (?P<sx>\(s(?:8|16|32)\))?[rw]{S}")
_ADDR_SPACE_CAST = _form(r"r{D} = addr_space_cast\(r{S}, (?P<a>\d+), (?P<b>\d+)\)", off=ADDR_SPACE_CAST)
_ENDIAN = _form(r"r{D} = (?:be|le){I} r\d+")
_BSWAP = _form(r"r{D} = bswap{I} r\d+")
_NEG = _form(r"[rw]{D} = -[rw]\d+")
_STX_MEM = _form(_MEM + r" = r{S}")
_ATOMICS = (
    _form(r"lock " + _MEM + r" (?P<aop>\S+) r{S}"),
    _form(r"r\d+ = atomic(?:64)?_fetch_(?P<fop>\w+)\(\({SZ} \*\)\(r{D} {O}\), r{S}\)"),
    _form(r"r0 = atomic(?:64)?_cmpxchg\(\({SZ} \*\)\(r{D} {O}\), r0, r{S}\)", imm=AtomicOp.CMPXCHG),
    _form(r"r\d+ = atomic(?:64)?_xchg\(\({SZ} \*\)\(r{D} {O}\), r{S}\)", imm=AtomicOp.XCHG),
    _form(r"r{D} = load_acquire\(\({SZ} \*\)\(r{S} {O}\)\)", imm=LOAD_ACQ),
    _form(r"store_release\(\({SZ} \*\)\(r{D} {O}\), r{S}\)", imm=STORE_REL),
)
_ST_MEM = _form(_MEM + r" = {I}")
_NOSPEC = _form(r"nospec")
_LDX = _form(r"r{D} = \*\({SZ} \*\)\(r{S} {O}\)")
_LD_ABS = _form(r"r0 = \*\({SZ} \*\)skb\[{I}\]")
_LD_IND = _form(r"r0 = \*\({SZ} \*\)skb\[r{S} \+ {I}\]")
_LD_IMM64 = (
    _form(r"r{D} = (?P<v>0x[0-9a-f]+)"),
    _form(r"r{D} = map\[id:(?P<mid>\d+)\]"),
    _form(r"r{D} = map\[id:(?P<mid>\d+)\]\[0\]\+(?P<moff>\d+)"),
    _form(r"r{D} = map\[idx:(?P<midx>\d+)\]\+(?P<moff>\d+)"),
    _form(r"r{D} = subprog\[(?P<sub>[+-]\d+)\]"),
)
_CALLS = (
    _form(r"call pc(?P<i>[+-]\d+)(?:#(?P<psym>\S+))?", src=PSEUDO_CALL),
    _form(r"call (?P<name>[^#\s]+)#(?P<i>-?\d+)"),
)
_GOTO = _form(r"goto pc{O}")
_MAY_GOTO = _form(r"may_goto pc{O}")
_GOTOL = _form(r"gotol pc(?P<i>[+-]\d+)")
_EXIT = _form(r"exit")
_JMP_X = _form(r"if [rw]{D} \S+ [rw]{S} goto pc{O}")
_JMP_K = _form(r"if [rw]{D} \S+ (?P<h>0x[0-9a-f]+) goto pc{O}")


def _forms(code: int) -> tuple[_Form, ...]:
    """The forms print_bpf_insn can print for `code` (empty: it prints a `BUG_...` line)."""
    cls, op, mode, size = code & 0x07, code & 0xF0, code & 0xE0, code & 0x18
    if cls in (Cls.ALU, Cls.ALU64):
        if op == AluOp.END:
            return (_BSWAP,) if cls == Cls.ALU64 else (_ENDIAN,)
        if op == AluOp.NEG:
            return (_NEG,)
        if code & Src.X:
            return (_ADDR_SPACE_CAST, _ALU_X) if code == Cls.ALU64 | AluOp.MOV | Src.X else (_ALU_X,)
        return (_ALU_K,)
    if cls == Cls.STX:
        return (_STX_MEM,) if mode == Mode.MEM else _ATOMICS if mode == Mode.ATOMIC else ()
    if cls == Cls.ST:
        return (_ST_MEM,) if mode == Mode.MEM else (_NOSPEC,) if mode == NOSPEC_MODE else ()
    if cls == Cls.LDX:
        return (_LDX,) if mode == Mode.MEM or (mode == Mode.MEMSX and size != Size.DW) else ()
    if cls == Cls.LD:
        if mode == Mode.ABS:
            return (_LD_ABS,)
        if mode == Mode.IND:
            return (_LD_IND,)
        return _LD_IMM64 if mode == Mode.IMM and size == Size.DW else ()
    if op == JmpOp.CALL:
        return _CALLS
    if code == Cls.JMP | JmpOp.JA:
        return (_GOTO,)
    if code == Cls.JMP | JmpOp.JCOND:
        return (_MAY_GOTO, _JMP_K)
    if code == Cls.JMP32 | JmpOp.JA:
        return (_GOTOL,)
    if code == Cls.JMP | JmpOp.EXIT:
        return (_EXIT,)
    return (_JMP_X,) if code & Src.X else (_JMP_K,)


_ATOMIC_OPS = {"+=": AtomicOp.ADD, "|=": AtomicOp.OR, "&=": AtomicOp.AND, "^=": AtomicOp.XOR}
_FETCH_OPS = {"add": AtomicOp.ADD, "and": AtomicOp.AND, "or": AtomicOp.OR, "xor": AtomicOp.XOR}
_MOVSX = {"(s8)": 8, "(s16)": 16, "(s32)": 32}


def _num(m: re.Match[str], group: str, lo: int, hi: int, what: str, base: int = 10) -> int:
    s = m.group(group)
    if len(s) > 24:
        raise InsnTextError(f"{what} {s[:24]}... is out of range", m.start(group))
    v = int(s, base)
    if not lo <= v <= hi:
        raise InsnTextError(f"{what} {s} is out of range", m.start(group))
    return v


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def _call_target(name: str, imm: int, dialect: Dialect) -> tuple[int, str | None]:
    """(src_reg, sym) of `call NAME#imm`: helpers print their func_id_str name (or `unknown`);
    the log names kfuncs by BTF; the xlated dump names every call by its kernel symbol."""
    from ..isa.names import helper_name, kfunc_id

    if imm >= 0 and helper_name(imm) == name:
        return 0, name
    if dialect == "xlated":
        return (PSEUDO_KFUNC_CALL if kfunc_id(name) is not None else 0), name
    if name == "unknown":
        return 0, None
    return PSEUDO_KFUNC_CALL, name


def parse_insn_text(code: int, text: str, dialect: Dialect = "log") -> Insn:
    """The instruction whose `(code) text` print_bpf_insn prints (`text` without `(xx) `).

    Raises InsnTextError (with the column in `text`) when no instruction prints that way.
    """
    forms = _forms(code)
    if not forms:
        raise InsnTextError(f"the kernel prints opcode {code:02x} as 'BUG_...', not as '({code:02x}) ...'")
    for form in forms:
        m = form.regex.fullmatch(text)
        if m:
            break
    else:
        raise InsnTextError(f"expected {example_text(code)!r} (or another operand list) for opcode {code:02x}")
    f: dict[str, int] = {"dst": 0, "src": 0, "off": 0, "imm": 0, "imm_hi": 0}
    f.update(form.fixed)
    sym: str | None = None
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    if "d" in g:
        f["dst"] = _num(m, "d", 0, 15, "register")
    if "s" in g:
        f["src"] = _num(m, "s", 0, 15, "register")
    if "o" in g:
        f["off"] = _num(m, "o", -(1 << 15), (1 << 15) - 1, "offset")
    if "i" in g:
        f["imm"] = _num(m, "i", -(1 << 31), (1 << 31) - 1, "immediate")
    if "h" in g:
        f["imm"] = _s32(_num(m, "h", 0, 0xFFFFFFFF, "immediate", 16))
    if "sop" in g and g["sop"] in ("s/=", "s%="):
        f["off"] = 1
    if "sx" in g:
        f["off"] = _MOVSX[g["sx"]]
    if "aop" in g:
        if g["aop"] not in _ATOMIC_OPS:
            raise InsnTextError(f"expected one of {' '.join(_ATOMIC_OPS)}", m.start("aop"))
        f["imm"] = _ATOMIC_OPS[g["aop"]]
    if "fop" in g:
        if g["fop"] not in _FETCH_OPS:
            raise InsnTextError(f"expected atomic_fetch_{'|'.join(_FETCH_OPS)}", m.start("fop"))
        f["imm"] = _FETCH_OPS[g["fop"]] | AtomicOp.FETCH
    if "a" in g:
        f["imm"] = _s32((_num(m, "a", 0, 0xFFFF, "address space") << 16) | _num(m, "b", 0, 0xFFFF, "address space"))
    if "v" in g:
        v = _num(m, "v", 0, (1 << 64) - 1, "constant", 16)
        f["imm"], f["imm_hi"] = _s32(v), _s32(v >> 32)
    if "mid" in g:
        f["imm"] = _s32(_num(m, "mid", 0, 0xFFFFFFFF, "map id"))
        f["src"] = PSEUDO_MAP_VALUE if "moff" in g else PSEUDO_MAP_FD
        sym = f"map_{g['mid']}"
    if "midx" in g:
        f["imm"] = _s32(_num(m, "midx", 0, 0xFFFFFFFF, "map index"))
        f["src"] = PSEUDO_MAP_IDX_VALUE
    if "moff" in g:
        f["imm_hi"] = _s32(_num(m, "moff", 0, 0xFFFFFFFF, "map value offset"))
    if "sub" in g:
        f["imm"] = _num(m, "sub", -(1 << 31), (1 << 31) - 1, "subprogram offset")
        f["src"] = PSEUDO_FUNC
    if "psym" in g:
        sym = g["psym"]
    if "name" in g:
        f["src"], sym = _call_target(g["name"], f["imm"], dialect)

    typ = insn_type_for(code)
    insn: Insn
    if typ is LoadImm64:
        insn = LoadImm64(code, f["dst"], f["src"], f["off"], f["imm"], sym, f["imm_hi"])
    else:
        insn = typ(code, f["dst"], f["src"], f["off"], f["imm"], sym)
    printed = format_insn(insn, dialect=dialect)
    want = f"({code:02x}) {text}"
    if printed != want:
        col = next((i for i, (a, b) in enumerate(zip(printed, want, strict=False)) if a != b), min(len(printed), len(want)))
        raise InsnTextError(f"expected {printed[5:]!r}: opcode {code:02x} with these operands prints that way", max(col - 5, 0))
    return insn


def example_text(code: int) -> str:
    """What opcode `code` looks like in the kernel's print (for error messages)."""
    typ = insn_type_for(code)
    imm = 1 if (code & 0x07) in (Cls.JMP, Cls.JMP32) and code & 0xF0 == JmpOp.CALL else 0
    insn = LoadImm64(code, 1, 0, 0, 0) if typ is LoadImm64 else typ(code, 1, 2, 0, imm)
    text = format_insn(insn)
    return text[5:] if text.startswith("(") else text


def parse_kernel_insn_line(line: str, dialect: Dialect = "log") -> tuple[int, Insn]:
    """`N: (xx) text` (annotations after it allowed) -> (N, insn); raises InsnTextError with a
    column in `line`."""
    m = _INSN_LINE.match(line)
    if not m:
        raise InsnTextError("expected an instruction line 'N: (xx) text'")
    text = _strip_annotation(m["rest"])[0] if dialect == "log" else m["rest"]
    try:
        return int(m["idx"]), parse_insn_text(int(m["code"], 16), text, dialect)
    except InsnTextError as e:
        raise InsnTextError(e.msg, m.start("rest") + e.col) from None


# --------------------------------------------------------------------------------------------
# The verifier log
# --------------------------------------------------------------------------------------------

_INSN_LINE = re.compile(r"^ *(?P<idx>\d+): \((?P<code>[0-9a-f]{2})\) (?P<rest>.*?)\s*$")
_CLAIMS_INSN = re.compile(r"^ *\d+: \(")  # a log line that must be an instruction
_BUG_LINE = re.compile(r"^ *(?P<idx>\d+): BUG_(?:[a-z]+_)?(?P<code>[0-9a-f]{2})\s*$")
_LIVE_HEADER = re.compile(r"^Live regs before insn")
# compute_live_registers: "%3d " scc or 4 blanks, "%3d: ", r0..r9 as digits or '.', ' ', insn
_LIVE_LINE = re.compile(r"^ *(?:\d+ +)?(?P<idx>\d+): [0-9.]{10} (?:[pP] )?(?P<body>.*)$")
# level 1 prints the next instruction's state after a branch on the same line: "goto pc+3 23: R0=0"
_INLINE_STATE = re.compile(r"^(?P<text>.*?) \d+: (?P<state>(?:frame\d+: )?R\d+.*)$")
_C_SOURCE = re.compile(r"^; (?P<text>.*?)(?: @ (?P<file>\S+):(?P<line>\d+))?\s*$")
_PROCESSED = re.compile(r"^processed \d+ insns")
_LIBBPF_BEGIN = re.compile(r"prog '(?P<name>[^']*)': -- BEGIN PROG LOAD LOG --")
_LIBBPF_END = re.compile(r"-- END PROG LOAD LOG --")
_INDEXED = re.compile(r"^(?P<idx>\d{1,7}): ")  # an instruction or a state at an instruction
_FUNC_START = re.compile(r"^func#(?P<k>\d+) @(?P<insn>\d+)\s*$")
_GLOBAL_FUNC = re.compile(r"^(?:Validating (?P<n1>\w+)\(\) func#(?P<k1>\d+)\.\.\.|Func#(?P<k2>\d+) \('(?P<n2>\w+)'\))")
_REG_VALUE = r"(?:^|\s)R{dst}(?:_w)?=(?P<kind>map_ptr|map_value|func)\((?P<args>[^)]*)\)"
_LOG_MARKERS = re.compile(r"^(?:Live regs before insn|processed \d+ insns|func#\d+ @)", re.MULTILINE)
_LOG_INSN = re.compile(r"^\d+: \([0-9a-f]{2}\) ", re.MULTILINE)


def _strip_annotation(rest: str) -> tuple[str, str]:
    """(instruction text, what the verifier printed after it on the same line)."""
    text, _, ann = rest.partition(";")
    text = text.rstrip()
    m = _INLINE_STATE.match(text)
    if m:
        return m["text"], m["state"]
    return text, ann.strip()


@dataclass
class _Seen:
    insn: Insn
    line: int
    text: str
    note: str = ""  # the state printed after it


@dataclass
class _Segment:
    """The log of one BPF_PROG_LOAD."""

    name: str
    first_line: int
    insns: dict[int, _Seen] = field(default_factory=dict)
    c_locs: dict[int, SourceLoc] = field(default_factory=dict)
    func_starts: dict[int, int] = field(default_factory=dict)  # func#k -> insn
    global_names: dict[int, str] = field(default_factory=dict)  # func#k -> name


def _err(file: str, line: int, col: int, msg: str) -> InputError:
    return InputError(file, line, col, msg)


def _check_index(file: str, lineno: int, col: int, idx_text: str) -> int:
    if len(idx_text) > 7 or int(idx_text) >= MAX_INSNS:
        raise _err(file, lineno, col, f"instruction index {idx_text} is beyond the kernel's {MAX_INSNS}-instruction limit")
    return int(idx_text)


def _record(seen: dict[int, _Seen], file: str, lineno: int, col: int, idx: int, insn: Insn, text: str,
            note: str = "") -> None:
    """Keep one print of each instruction; two different prints of one index are an error."""
    prev = seen.get(idx)
    if prev is not None:
        if prev.text != text:
            raise _err(file, lineno, col, f"instruction {idx} was printed as {prev.text!r} at line {prev.line}: "
                       "is this more than one program's log?")
        if note and not prev.note:
            prev.note = note
        return
    if idx > 0:
        before = seen.get(idx - 1)
        if before is not None and isinstance(before.insn, LoadImm64) and before.insn.code == 0x18:
            raise _err(file, lineno, col, f"instruction {idx} is the second half of the ld_imm64 at {idx - 1} (line {before.line})")
    if isinstance(insn, LoadImm64) and insn.code == 0x18 and idx + 1 in seen:
        raise _err(file, lineno, col, f"ld_imm64 at {idx} overlaps instruction {idx + 1} (line {seen[idx + 1].line})")
    seen[idx] = _Seen(insn, lineno, text, note)


def read_kernel_log(text: str, file: str = "<log>", prog_type: ProgType | None = None) -> list[Program]:
    """Programs from a verifier log (one per BPF_PROG_LOAD in it: a log ends at `processed ...`)."""
    segments: list[_Segment] = []
    stem = Path(file).stem
    seg = _Segment(stem, 1)
    pending_c: SourceLoc | None = None
    validating: int | None = None  # func#k whose verification ("Validating f() func#k...") starts
    in_live = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if validating is not None and (m := _INDEXED.match(line)):
            seg.func_starts.setdefault(validating, int(m["idx"]))
            validating = None
        if m := _LIBBPF_BEGIN.search(line):
            if seg.insns:
                segments.append(seg)
            seg, pending_c, in_live = _Segment(m["name"] or stem, lineno), None, False
            continue
        if _LIBBPF_END.search(line) or _PROCESSED.match(line):
            segments.append(seg)
            seg, pending_c, in_live = _Segment(stem, lineno + 1), None, False
            continue
        if _LIVE_HEADER.match(line):
            in_live = True
            continue
        if in_live:
            if m := _LIVE_LINE.match(line):
                _log_body(seg, file, lineno, m.start("idx") + 1, m["idx"], m["body"], m.start("body"), live=True)
                continue
            in_live = False
        if _CLAIMS_INSN.match(line) or _BUG_LINE.match(line):
            colon = line.index(":")
            idx = _log_body(seg, file, lineno, 1, line[:colon], line[colon + 2:], colon + 2, live=False)
            if pending_c is not None and idx is not None:
                seg.c_locs.setdefault(idx, pending_c)
            pending_c = None
        elif m := _C_SOURCE.match(line):
            pending_c = SourceLoc(m["file"] or "", int(m["line"] or 0), 0, m["text"])
        elif m := _FUNC_START.match(line):
            seg.func_starts[int(m["k"])] = int(m["insn"])
        elif m := _GLOBAL_FUNC.match(line):
            seg.global_names[int(m["k1"] or m["k2"])] = m["n1"] or m["n2"]
            if m["k1"]:
                validating = int(m["k1"])
    if seg.insns:
        segments.append(seg)
    segments = [s for s in segments if s.insns]
    if not segments:
        raise _err(file, 0, 0, "no instruction lines ('N: (xx) ...') in this verifier log: a level-1 log shows "
                   "them only on the path to an error; load with log level 2 to see every instruction")
    return [_log_program(s, file, prog_type, len(segments)) for s in segments]


def _log_body(seg: _Segment, file: str, lineno: int, col: int, idx_text: str, body: str, body_col: int, *, live: bool) -> int | None:
    """One printed instruction (`(xx) text` or `BUG_xx`) at index `idx_text`."""
    if not idx_text.strip().isdigit():
        raise _err(file, lineno, col, "expected an instruction index")
    idx = _check_index(file, lineno, col, idx_text.strip())
    if m := re.fullmatch(r"BUG_(?:[a-z]+_)?(?P<code>[0-9a-f]{2})\s*", body):
        _record(seg.insns, file, lineno, col, idx, Insn(int(m["code"], 16), sym=GAP_SYM), body.strip())
        return idx
    m = re.match(r"\((?P<code>[0-9a-f]{2})\) (?P<rest>.*)$", body)
    if not m:
        raise _err(file, lineno, body_col + 1, "expected '(xx) ' with the two-digit hex opcode after the index")
    text, note = (m["rest"].rstrip(), "") if live else _strip_annotation(m["rest"])
    code = int(m["code"], 16)
    try:
        insn = parse_insn_text(code, text, "log")
    except InsnTextError as e:
        raise _err(file, lineno, body_col + m.start("rest") + e.col + 1, e.msg) from None
    _record(seg.insns, file, lineno, col, idx, insn, f"({m['code']}) {text}", note)
    return idx


def _log_program(seg: _Segment, file: str, prog_type: ProgType | None, nsegs: int) -> Program:
    n = max(seg.insns) + 1
    last = seg.insns[n - 1].insn
    if isinstance(last, LoadImm64) and last.code == 0x18:
        n += 1
    slots: list[Insn] = [GAP] * n
    locs: list[SourceLoc | None] = [None] * n
    maps: dict[str, MapDef] = {}
    map_names: dict[int, str] = {}  # kernel address -> name, for unnamed maps
    for idx, seen in sorted(seg.insns.items()):
        insn = _relocate_from_note(seen.insn, seen.note, maps, map_names)
        slots[idx] = insn
        locs[idx] = SourceLoc(file, seen.line, 1, seen.text)
        if isinstance(insn, LoadImm64) and insn.code == 0x18:
            slots[idx + 1] = Imm64Tail(0, 0, 0, 0, insn.imm_hi)
            locs[idx + 1] = locs[idx]
    funcs = _log_funcs(seg, slots)
    c_locs: tuple[SourceLoc | None, ...] = ()
    if seg.c_locs:
        c_locs = tuple(seg.c_locs.get(i) for i in range(n))
    name = seg.name if nsegs == 1 or seg.name != Path(file).stem else f"{seg.name}_{seg.first_line}"
    return Program(
        insns=tuple(slots),
        prog_type=prog_type if prog_type is not None else ProgType.XDP,
        name=name,
        file=file,
        maps=_refine_map_types(tuple(slots), tuple(maps.values()), sized=True),
        funcs=funcs,
        locs=tuple(locs),
        c_locs=c_locs,
    )


def _relocate_from_note(insn: Insn, note: str, maps: dict[str, MapDef], map_names: dict[int, str]) -> Insn:
    """An ld_imm64 whose level-2 annotation says it loaded a map or a callback gets its pseudo
    src back (the log prints the kernel address the fd was replaced with)."""
    if not note or not isinstance(insn, LoadImm64) or insn.code != 0x18 or insn.src:
        return insn
    m = re.search(_REG_VALUE.replace("{dst}", str(insn.dst)), note)
    if not m:
        return insn
    if m["kind"] == "func":
        return LoadImm64(insn.code, insn.dst, PSEUDO_FUNC, 0, insn.imm, None, 0)
    args = dict(a.partition("=")[::2] for a in m["args"].split(",") if "=" in a)
    try:
        ks, vs, off = int(args.get("ks", "4")), int(args.get("vs", "8")), int(args.get("off", "0"))
    except ValueError:
        return insn
    addr = insn.value - off if m["kind"] == "map_value" else insn.value
    name = args.get("map") or map_names.setdefault(addr, f"map{len(map_names)}")
    if m["kind"] == "map_ptr":
        maps.setdefault(name, MapDef(name, 1, ks, vs, 1))
        return LoadImm64(insn.code, insn.dst, PSEUDO_MAP_FD, 0, 0, name, 0)
    maps.setdefault(name, MapDef(name, ARRAY_MAP, ks, vs, 1))
    return LoadImm64(insn.code, insn.dst, PSEUDO_MAP_VALUE, 0, 0, name, _s32(off))


def _log_funcs(seg: _Segment, slots: list[Insn]) -> tuple[FuncInfo, ...]:
    """Subprogram starts: `func#k @N` lines (level 2), pseudo calls and callback loads."""
    starts: dict[int, str] = {}
    by_insn = {insn: k for k, insn in seg.func_starts.items()}
    for pc, insn in enumerate(slots):
        if (isinstance(insn, Jmp) and insn.is_pseudo_call) or (isinstance(insn, LoadImm64) and insn.src == PSEUDO_FUNC):
            target = pc + 1 + insn.imm
            if 0 < target < len(slots):
                starts.setdefault(target, "")
    for insn in by_insn:
        if insn > 0:
            starts.setdefault(insn, "")
    funcs = []
    for at in sorted(starts):
        k = by_insn.get(at)
        gname = seg.global_names.get(k) if k is not None else None
        name = gname or (f"func{k}" if k is not None else f"sub_{at}")
        funcs.append(FuncInfo(at, name, "global" if gname else "static"))
    return tuple(funcs)


# --------------------------------------------------------------------------------------------
# bpftool prog dump xlated
# --------------------------------------------------------------------------------------------

_X_OPCODES = re.compile(r"^ +[0-9a-f]{2}(?: [0-9a-f]{2}){7}(?: [0-9a-f]{2}(?: [0-9a-f]{2}){7})?\s*$")
_X_SOURCE = re.compile(r"^; ?(?P<text>.*?)(?: \[file:(?P<file>.*?) line_num:(?P<line>\d+)(?: line_col:(?P<col>\d+))?\])?\s*$")
_X_FUNC = re.compile(r"^(?P<sig>\S.*\(.*\)):\s*$")
_X_NAME = re.compile(r"(\w+)\s*\(")


@dataclass
class _XProg:
    first_line: int
    insns: dict[int, _Seen] = field(default_factory=dict)
    funcs: dict[int, str] = field(default_factory=dict)
    c_locs: dict[int, SourceLoc] = field(default_factory=dict)
    last_idx: int = -1


def read_xlated(text: str, file: str = "<xlated>", prog_type: ProgType | None = None) -> list[Program]:
    """Programs from `bpftool prog dump xlated` output (a new program where indices restart)."""
    progs: list[_XProg] = []
    cur: _XProg | None = None
    pending_func: str | None = None
    pending_c: SourceLoc | None = None
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if not line.strip() or _X_OPCODES.match(line):
            continue
        if m := _INSN_LINE.match(line):
            idx = _check_index(file, lineno, 1, m["idx"])
            if cur is None or idx <= cur.last_idx:
                cur = _XProg(lineno)
                progs.append(cur)
            cur.last_idx = idx
            code = int(m["code"], 16)
            try:
                insn = parse_insn_text(code, m["rest"], "xlated")
            except InsnTextError as e:
                raise _err(file, lineno, m.start("rest") + e.col + 1, e.msg) from None
            _record(cur.insns, file, lineno, 1, idx, insn, f"({m['code']}) {m['rest']}")
            if pending_func is not None:
                cur.funcs[idx] = pending_func
            if pending_c is not None:
                cur.c_locs[idx] = pending_c
            pending_func = pending_c = None
        elif m := _BUG_LINE.match(line):
            idx = _check_index(file, lineno, 1, m["idx"])
            if cur is None or idx <= cur.last_idx:
                cur = _XProg(lineno)
                progs.append(cur)
            cur.last_idx = idx
            cur.insns[idx] = _Seen(Insn(int(m["code"], 16), sym=GAP_SYM), lineno, line.strip())
        elif m := _X_SOURCE.match(line):
            pending_c = SourceLoc(m["file"] or "", int(m["line"] or 0), int(m["col"] or 0), m["text"])
        elif (m := _X_FUNC.match(line)) and (n := _X_NAME.search(m["sig"])):
            pending_func = n.group(1)
        else:
            raise _err(file, lineno, 1, "expected an instruction '   N: (xx) ...', a '; source' line, a function "
                       "signature 'int name(...):' or opcode bytes, as 'bpftool prog dump xlated' prints them")
    if not progs:
        raise _err(file, 0, 0, "no instructions in this xlated dump")
    return [_xlated_program(p, file, prog_type, k, len(progs)) for k, p in enumerate(progs)]


def _xlated_program(p: _XProg, file: str, prog_type: ProgType | None, k: int, nprogs: int) -> Program:
    seg = _Segment(p.funcs.get(0) or Path(file).stem, p.first_line, p.insns, p.c_locs)
    prog = _log_program(seg, file, prog_type, 1)
    maps: dict[str, MapDef] = {}
    for insn in prog.insns:
        if isinstance(insn, LoadImm64) and insn.sym and insn.src in (PSEUDO_MAP_FD, PSEUDO_MAP_VALUE):
            maps.setdefault(insn.sym, MapDef(insn.sym, ARRAY_MAP if insn.src == PSEUDO_MAP_VALUE else 1))
    funcs = {f.insn: f for f in prog.funcs}
    for at, name in p.funcs.items():
        if at > 0:
            funcs[at] = FuncInfo(at, name)
    name = prog.name if nprogs == 1 else f"{prog.name}_{k}" if prog.name == Path(file).stem else prog.name
    return Program(
        insns=prog.insns, prog_type=prog.prog_type, name=name, file=file,
        maps=_refine_map_types(prog.insns, tuple(maps.values()), sized=False),
        funcs=tuple(sorted(funcs.values(), key=lambda f: f.insn)), locs=prog.locs, c_locs=prog.c_locs,
    )


# --------------------------------------------------------------------------------------------
# llvm-objdump -d -r
# --------------------------------------------------------------------------------------------

_OD_HEADER = re.compile(r"^(?P<file>.*?):\s+file format (?P<fmt>\S+)\s*$")
_OD_SECTION = re.compile(r"^Disassembly of section (?P<name>.+):\s*$")
_OD_LABEL = re.compile(r"^(?P<addr>[0-9a-f]{1,16}) <(?P<name>[^>]*)>:\s*$")
_OD_INSN = re.compile(r"^ *(?P<idx>\d+):\t(?P<hex>[0-9a-f]{2}(?: [0-9a-f]{2})*)(?:\t(?P<text>.*))?\s*$")
_OD_RELOC = re.compile(r"^\s+(?P<off>[0-9a-f]{1,16}):\s+(?P<type>R_BPF_\w+)\s+(?P<sym>[^\s+]+)(?:\+0x[0-9a-f]+)?\s*$")
_OD_SYMTAB_HEADER = re.compile(r"^SYMBOL TABLE:\s*$")
# 0000000000000000 g     F xdp	0000000000000110 xdp_prog
_OD_SYMBOL = re.compile(r"^(?P<addr>[0-9a-f]{16}) (?P<flags>.{7}) (?P<sec>\S+)\s+(?P<size>[0-9a-f]{16})\s+(?P<name>.*?)\s*$")
_OD_NOISE = re.compile(r"^\s*(?:;.*)?$")  # blank, or a -S / -l source line
_MAP_SECTIONS = (".maps", "maps")


@dataclass
class _OdSection:
    name: str
    line: int
    slots: list[Insn] = field(default_factory=list)
    locs: list[SourceLoc] = field(default_factory=list)
    labels: list[tuple[int, str]] = field(default_factory=list)  # (slot, name), in order
    relocs: dict[int, tuple[str, str, int]] = field(default_factory=dict)  # slot -> (type, symbol, line)
    funcs: list[tuple[int, str]] = field(default_factory=list)  # the labels that start functions

    def function_at(self, slot: int) -> tuple[int, int, str]:
        """(start, end, name) of the function holding `slot` (the whole section if unlabelled)."""
        start, end, name = 0, len(self.slots), self.name
        for at, label in self.funcs:
            if at <= slot:
                start, name = at, label
            elif at < end:
                end = at
                break
        return start, end, name


def read_objdump(text: str, file: str = "<objdump>", prog_type: ProgType | None = None) -> list[Program]:
    """Programs from `llvm-objdump -d -r` output: one per function of each program section
    (every disassembled section but .text, whose functions are subprograms)."""
    sections: dict[str, _OdSection] = {}
    symtab: dict[str, tuple[str, str, int]] = {}  # symbol -> (section, flags, address), with -t
    cur: _OdSection | None = None
    in_symtab = False
    for lineno, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip("\r\n")
        if _OD_NOISE.match(line):
            in_symtab = False
            continue
        if _OD_HEADER.match(line) and cur is None:
            continue
        if _OD_SYMTAB_HEADER.match(line):
            in_symtab = True
            continue
        if in_symtab and (m := _OD_SYMBOL.match(line)):
            symtab[m["name"]] = (m["sec"], m["flags"], int(m["addr"], 16))
            continue
        if m := _OD_SECTION.match(line):
            cur = sections.setdefault(m["name"], _OdSection(m["name"], lineno))
            continue
        if cur is not None and (m := _OD_LABEL.match(line)):
            addr = int(m["addr"], 16)
            if addr % 8 or addr // 8 != len(cur.slots):
                raise _err(file, lineno, 1, f"label <{m['name']}> at byte {addr:#x} is not at the next instruction")
            cur.labels.append((addr // 8, m["name"]))
            continue
        if cur is not None and (m := _OD_INSN.match(line)):
            idx = _check_index(file, lineno, 1, m["idx"])
            if idx != len(cur.slots):
                raise _err(file, lineno, m.start("idx") + 1, f"expected instruction {len(cur.slots)} of section {cur.name}, not {idx}")
            data = bytes.fromhex(m["hex"].replace(" ", ""))
            if len(data) not in (8, 16) or (len(data) == 8 and data[0] == 0x18):
                raise _err(file, lineno, m.start("hex") + 1, "expected 8 bytes (16 for ld_imm64) of instruction")
            loc = SourceLoc(file, lineno, 1, (m["text"] or "").strip())
            cur.slots.extend(decode(data, file))
            cur.locs.extend([loc] * (len(data) // 8))
            continue
        if cur is not None and (m := _OD_RELOC.match(line)):
            off = int(m["off"], 16)
            if off % 8 or off // 8 >= len(cur.slots):
                raise _err(file, lineno, m.start("off") + 1, f"relocation at byte {off:#x} is not at an instruction of section {cur.name}")
            cur.relocs[off // 8] = (m["type"], m["sym"], lineno)
            continue
        if line.strip() == "...":
            raise _err(file, lineno, 1, "llvm-objdump skipped zero bytes ('...'): run it with -z")
        raise _err(file, lineno, 1, "expected llvm-objdump -d -r output: 'Disassembly of section S:', '<label>:', "
                   "an instruction '  N:\\tbytes\\ttext' or a relocation line")
    sections = {k: s for k, s in sections.items() if s.slots}
    if not sections:
        raise _err(file, 0, 0, "no instructions in this objdump output (was it made with llvm-objdump -d?)")
    for sec in sections.values():
        sec.funcs = _function_starts(sec, symtab)
    return _Linker(sections, symtab, file).programs(prog_type)


def _function_starts(sec: _OdSection, symtab: dict[str, tuple[str, str, int]]) -> list[tuple[int, str]]:
    """Which labels start functions. With a symbol table (-t): the FUNC symbols. Without, a
    label is a local jump target (`skip:` in assembled code) when the instruction before it
    can fall through to it or a jump crosses it (jumps never leave a function)."""
    if any(sym[0] == sec.name for sym in symtab.values()):
        return [(at, name) for at, name in sec.labels if "F" in symtab.get(name, ("", "", 0))[1]]
    spans = []
    for pc, insn in enumerate(sec.slots):
        if isinstance(insn, Jmp) and not insn.is_call and not insn.is_exit:
            spans.append((pc, insn.target(pc)))
    starts = []
    for at, name in sec.labels:
        if at > 0:
            prev = sec.slots[at - 1]
            if isinstance(prev, Imm64Tail) or not (isinstance(prev, Jmp) and (prev.is_exit or prev.op == JmpOp.JA)):
                continue
            if any(min(a, b) < at <= max(a, b) for a, b in spans):
                continue
        starts.append((at, name))
    return starts


class _Linker:
    """libbpf's view of an object: program sections, .text subprograms, relocations."""

    def __init__(self, sections: dict[str, _OdSection], symtab: dict[str, tuple[str, str, int]], file: str) -> None:
        self.sections = sections
        self.symtab = symtab
        self.file = file
        self.symbols: dict[str, tuple[_OdSection, int]] = {}
        for sec in sections.values():
            self.symbols[sec.name] = (sec, 0)
            for at, label in sec.labels:
                self.symbols.setdefault(label, (sec, at))

    def programs(self, prog_type: ProgType | None) -> list[Program]:
        prog_secs = [s for s in self.sections.values() if s.name != ".text"] or list(self.sections.values())
        out = []
        for sec in prog_secs:
            ptype = prog_type if prog_type is not None else prog_type_from_section(sec.name)
            if ptype is None:
                if sec.name != ".text":
                    raise _err(self.file, sec.line, 1, f"unknown section '{sec.name}': use a libbpf SEC name "
                               "(xdp, tc, ...) or --prog-type")
                ptype = ProgType.XDP
            starts = [at for at, _ in sec.funcs] or [0]
            if starts[0] != 0:
                starts.insert(0, 0)
            for start in starts:
                begin, end, name = sec.function_at(start)
                if begin < end:
                    out.append(self._link(sec, begin, end, name, ptype))
        return out

    def _link(self, sec: _OdSection, start: int, end: int, name: str, ptype: ProgType) -> Program:
        self.out: list[Insn] = []
        self.locs: list[SourceLoc | None] = []
        self.placed: dict[tuple[str, int], int] = {}
        self.funcs: list[FuncInfo] = []
        self.maps: dict[str, MapDef] = {}
        self._place(sec, start, end, 0)
        return Program(
            insns=tuple(self.out), prog_type=ptype, name=name, file=self.file, section=sec.name,
            maps=_refine_map_types(tuple(self.out), tuple(self.maps.values()), sized=False), funcs=tuple(sorted(self.funcs, key=lambda f: f.insn)),
            locs=tuple(self.locs),
        )

    def _place(self, sec: _OdSection, start: int, end: int, depth: int) -> int:
        """Append sec[start:end] and relocate it, appending what it calls (depth first)."""
        if depth > MAX_SUBPROGS:
            raise _err(self.file, sec.locs[start].line, 1, f"more than {MAX_SUBPROGS} nested subprogram calls")
        base = len(self.out)
        self.placed[(sec.name, start)] = base
        self.out.extend(sec.slots[start:end])
        self.locs.extend(sec.locs[start:end])
        for k in range(start, end):
            self.out[base + k - start] = self._relocate(sec, k, base + k - start, depth)
        return base

    def _relocate(self, sec: _OdSection, k: int, pc: int, depth: int) -> Insn:
        from ..isa.names import helper_name, kfunc_id

        insn = sec.slots[k]
        rel = sec.relocs.get(k)
        line = rel[2] if rel else sec.locs[k].line
        if isinstance(insn, Jmp) and insn.is_call and not insn.is32:
            if rel is not None and rel[1] not in self.symbols:  # an extern: a kfunc
                sym = rel[1]
                return Jmp(insn.code, insn.dst, PSEUDO_KFUNC_CALL, 0, kfunc_id(sym) or 0, sym)
            if rel is not None:
                tsec, tbase = self.symbols[rel[1]]
                return self._call(insn, tsec, tbase + insn.imm + 1, pc, depth, line)
            if insn.src == PSEUDO_CALL:
                return self._call(insn, sec, k + insn.imm + 1, pc, depth, line)
            if insn.src == 0 and insn.source == Src.K and insn.sym is None:
                return Jmp(insn.code, insn.dst, insn.src, insn.off, insn.imm, helper_name(insn.imm))
            return insn
        if isinstance(insn, LoadImm64) and insn.code == 0x18 and rel is not None:
            sym = rel[1]
            if sym in self.symbols:  # a function's address: a callback (PSEUDO_FUNC)
                tsec, tbase = self.symbols[sym]
                if insn.imm % 8:
                    raise _err(self.file, line, 1, f"function address {sym}+{insn.imm} is not at an instruction")
                target = self._target(tsec, tbase + insn.imm // 8, depth, line)
                return LoadImm64(insn.code, insn.dst, PSEUDO_FUNC, 0, target - (pc + 1), sym, 0)
            section, _, addr = self.symtab.get(sym) or (_guess_section(sym, sec.slots, k), "", 0)
            if section in _MAP_SECTIONS:
                self.maps.setdefault(sym, MapDef(sym))
                return LoadImm64(insn.code, insn.dst, PSEUDO_MAP_FD, 0, 0, sym, 0)
            # global data (.data, .rodata, .bss, ...): the section's array map, at an offset
            off = _s32(addr + insn.imm)
            size = max(off + 8, self.maps[section].value_size if section in self.maps else 8)
            self.maps[section] = MapDef(section, ARRAY_MAP, 4, size, 1)
            return LoadImm64(insn.code, insn.dst, PSEUDO_MAP_VALUE, 0, 0, section, off)
        return insn

    def _call(self, insn: Jmp, tsec: _OdSection, target: int, pc: int, depth: int, line: int) -> Jmp:
        where = self._target(tsec, target, depth, line)
        _, _, fname = tsec.function_at(target)
        return Jmp(insn.code, insn.dst, PSEUDO_CALL, 0, where - (pc + 1), fname)

    def _target(self, tsec: _OdSection, target: int, depth: int, line: int) -> int:
        """Where slot `target` of `tsec` is in the program being linked (placing its function)."""
        if not 0 <= target < len(tsec.slots):
            raise _err(self.file, line, 1, f"call target {target} is outside section {tsec.name}")
        start, end, fname = tsec.function_at(target)
        base = self.placed.get((tsec.name, start))
        if base is None:
            base = self._place(tsec, start, end, depth + 1)
            bind = self.symtab.get(fname, ("", "l", 0))[1][:1]
            self.funcs.append(FuncInfo(base, fname, "global" if bind == "g" else "static"))
        return base + (target - start)


def _guess_section(sym: str, slots: list[Insn], k: int) -> str:
    """Without a symbol table (-t), where does the ld_imm64 at `k` point? Section symbols
    (`.rodata`) are global data; a symbol whose address is dereferenced right after is a global
    variable (map pointers cannot be dereferenced); anything else is taken for a map."""
    if sym.startswith("."):
        return sym
    return ".data" if _dereferenced(slots, k) else ".maps"


def _dereferenced(slots: list[Insn], k: int) -> bool:
    """Is the register the ld_imm64 at `k` sets used as a memory base before a jump, a call or
    an overwrite (adding a constant keeps it a pointer)?"""
    reg = slots[k].dst
    for insn in slots[k + 2:]:
        if isinstance(insn, Load) and insn.src == reg:
            return True
        if isinstance(insn, (Store, StoreImm)):
            if insn.dst == reg:
                return True
            continue
        if isinstance(insn, Imm64Tail):
            continue
        if isinstance(insn, Jmp):
            return False
        if insn.dst == reg:
            keeps = isinstance(insn, Alu) and insn.op in (AluOp.ADD, AluOp.SUB) and insn.source == Src.K
            if not keeps:
                return False
    return False


# What a helper does with a map argument says what kind of map it is: (argument register, map
# type, key size, value size, max entries). Only the helpers that accept nothing else.
_MAP_ARGS: dict[str, tuple[int, int, int, int, int]] = {
    "bpf_tail_call": (2, 3, 4, 4, 1),  # BPF_MAP_TYPE_PROG_ARRAY
    "bpf_perf_event_output": (2, 4, 4, 4, 1),  # BPF_MAP_TYPE_PERF_EVENT_ARRAY
    "bpf_ringbuf_output": (1, 27, 0, 0, 4096),  # BPF_MAP_TYPE_RINGBUF
    "bpf_ringbuf_reserve": (1, 27, 0, 0, 4096),
    "bpf_ringbuf_query": (1, 27, 0, 0, 4096),
}


def _refine_map_types(slots: tuple[Insn, ...], maps: tuple[MapDef, ...], sized: bool) -> tuple[MapDef, ...]:
    """Placeholder maps get the type their use demands (`r2 = map ll; call bpf_tail_call` needs
    a prog array). `sized`: the sizes are known (a level-2 log printed ks/vs) and are kept."""
    from ..isa.names import helper_name

    kinds: dict[str, tuple[int, int, int, int, int]] = {}
    for k, insn in enumerate(slots):
        if not (isinstance(insn, LoadImm64) and insn.src == PSEUDO_MAP_FD and insn.sym):
            continue
        for later in slots[k + 2:]:
            if isinstance(later, Jmp):
                if later.is_helper_call:
                    use = _MAP_ARGS.get(helper_name(later.imm) or "")
                    if use is not None and use[0] == insn.dst:
                        kinds[insn.sym] = use
                break
            if not isinstance(later, (Store, StoreImm, Imm64Tail)) and later.dst == insn.dst:
                break
    out = []
    for m in maps:
        if m.name in kinds:
            _, mtype, ks, vs, entries = kinds[m.name]
            m = MapDef(m.name, mtype, m.key_size, m.value_size, m.max_entries) if sized else MapDef(m.name, mtype, ks, vs, entries)
        out.append(m)
    return tuple(out)


# --------------------------------------------------------------------------------------------
# Raw bytecode, and choosing a reader
# --------------------------------------------------------------------------------------------


def load_raw(data: bytes, file: str = "<bytes>", prog_type: ProgType | None = None) -> list[Program]:
    """A `.bin` file: struct bpf_insn[] as the kernel receives it."""
    return [Program(insns=decode(data, file), prog_type=prog_type if prog_type is not None else ProgType.XDP,
                    name=Path(file).stem, file=file)]


Reader = Callable[[str, str, ProgType | None], list[Program]]

_OBJDUMP_MARK = re.compile(r"file format elf64-bpf|^Disassembly of section ", re.MULTILINE)
_XLATED_INSN = re.compile(r"^ +\d+: \([0-9a-f]{2}\) ", re.MULTILINE)


def sniff(text: str) -> str | None:
    """'objdump', 'xlated', 'log', or None (not a dump: assembly)."""
    if _OBJDUMP_MARK.search(text):
        return "objdump"
    if _LOG_MARKERS.search(text) or _LIBBPF_BEGIN.search(text):
        return "log"
    if _XLATED_INSN.search(text):  # bpftool pads indices to four columns ("% 4d: ")
        return "xlated"
    if _LOG_INSN.search(text):
        return "log"
    return None


READERS: dict[str, Reader] = {"log": read_kernel_log, "xlated": read_xlated, "objdump": read_objdump}


def load_text(text: str, file: str = "<input>", prog_type: ProgType | None = None, kind: str | None = None) -> list[Program]:
    """Read a dump, sniffing which kind it is unless `kind` says."""
    kind = kind or sniff(text)
    if kind is None:
        raise _err(file, 0, 0, "not a verifier log, xlated dump or objdump output")
    return READERS[kind](text, file, prog_type)


def instruction_lines(text: str) -> Iterator[tuple[int, str]]:
    """(line number, line) of every `N: (xx) ...` line of a log (the round-trip tests use it)."""
    for lineno, line in enumerate(text.splitlines(), 1):
        if _INSN_LINE.match(line):
            yield lineno, line


__all__ = [
    "GAP", "InsnTextError", "is_gap", "load_raw", "load_text", "parse_insn_text", "parse_kernel_insn_line",
    "read_kernel_log", "read_objdump", "read_xlated", "sniff",
]
