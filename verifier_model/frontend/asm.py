"""BPF assembly (LLVM syntax) -> Program values.

The driver splits each line into label, directive or instruction and strips comments; the
instruction is parsed by the LALR grammar in grammars/bpf_asm.lark and built into an Insn by a
lark Transformer. Jump and call targets may be labels: a first pass assigns slot indices (an
ld_imm64 takes two), a second resolves labels to the kernel's relative offsets.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from lark import Lark, Token, Transformer, v_args
from lark.exceptions import LarkError, UnexpectedCharacters, UnexpectedInput, UnexpectedToken

from ..errors import InputError
from ..isa import names
from ..isa.codec import with_tails
from ..isa.insn import Alu, Imm64Tail, Insn, Jmp, LegacyLoad, Load, LoadImm64, Store, StoreImm, insn_type_for
from ..isa.opcodes import (
    PSEUDO_CALL,
    PSEUDO_FUNC,
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    TO_BE,
    TO_LE,
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
from ..isa.printer_kernel import ADDR_SPACE_CAST
from ..program import FuncInfo, MapDef, Program, SourceLoc

GRAMMAR = Path(__file__).resolve().parents[2] / "grammars" / "bpf_asm.lark"
MAX_INPUT_LINES = 2_000_000

_SIZES = {"8": Size.B, "16": Size.H, "32": Size.W, "64": Size.DW}
_ALU_OPS = {
    "+=": (AluOp.ADD, 0), "-=": (AluOp.SUB, 0), "*=": (AluOp.MUL, 0), "/=": (AluOp.DIV, 0),
    "%=": (AluOp.MOD, 0), "|=": (AluOp.OR, 0), "&=": (AluOp.AND, 0), "^=": (AluOp.XOR, 0),
    "<<=": (AluOp.LSH, 0), ">>=": (AluOp.RSH, 0), "s>>=": (AluOp.ARSH, 0),
    "s/=": (AluOp.DIV, 1), "s%=": (AluOp.MOD, 1),
}
_ATOMIC_OPS = {"+=": AtomicOp.ADD, "|=": AtomicOp.OR, "&=": AtomicOp.AND, "^=": AtomicOp.XOR}
_FETCH_OPS = {"add": AtomicOp.ADD, "and": AtomicOp.AND, "or": AtomicOp.OR, "xor": AtomicOp.XOR}
_CMP = {
    "==": JmpOp.JEQ, "!=": JmpOp.JNE, ">": JmpOp.JGT, ">=": JmpOp.JGE, "<": JmpOp.JLT,
    "<=": JmpOp.JLE, "s>": JmpOp.JSGT, "s>=": JmpOp.JSGE, "s<": JmpOp.JSLT, "s<=": JmpOp.JSLE,
    "&": JmpOp.JSET,
}
MAP_TYPES = {
    "hash": 1, "array": 2, "prog_array": 3, "perf_event_array": 4, "percpu_hash": 5,
    "percpu_array": 6, "stack_trace": 7, "cgroup_array": 8, "lru_hash": 9, "lru_percpu_hash": 10,
    "lpm_trie": 11, "array_of_maps": 12, "hash_of_maps": 13, "devmap": 14, "sockmap": 15,
    "cpumap": 16, "xskmap": 17, "sockhash": 18, "queue": 22, "stack": 23, "devmap_hash": 25,
    "ringbuf": 27,
}

_LABEL = re.compile(r"\s*([A-Za-z_.$][\w.$]*)\s*:(?!=)")
_DIRECTIVE = re.compile(r"\s*(\.[A-Za-z_][\w.]*)\b\s*(.*)$")


@dataclass(frozen=True, slots=True)
class _Reg:
    n: int
    wide: bool  # r (64-bit) vs w (32-bit)


@dataclass(slots=True)
class _Pending:
    """An instruction whose target may still be symbolic."""

    insn: Insn
    target: str | None = None  # label for jumps / local calls / function pointers
    col: int = 0
    tail: Imm64Tail | None = None  # the second slot of a raw (`.insn`) ld_imm64


class AsmError(Exception):
    def __init__(self, msg: str, col: int = 0) -> None:
        super().__init__(msg)
        self.msg = msg
        self.col = col


def _int(tok: Token | str) -> int:
    """A number as LLVM's assembler reads it: 0x/0X hex, 0b binary, leading 0 octal, optional sign."""
    s = str(tok).replace(" ", "").replace("\t", "")
    sign = -1 if s.startswith("-") else 1
    digits = s.lstrip("+-")
    if len(digits) > 80:
        raise AsmError(f"number {s[:24]}... is too large")
    try:
        if digits[:2] in ("0x", "0X", "0b", "0B"):
            v = int(digits, 0)
        elif len(digits) > 1 and digits[0] == "0":
            v = int(digits, 8)
        else:
            v = int(digits, 10)
    except ValueError:
        raise AsmError(f"invalid number '{s}'") from None
    return sign * v


def _s16(v: int, what: str) -> int:
    if not -(1 << 15) <= v < (1 << 15):
        raise AsmError(f"{what} {v} does not fit in a signed 16-bit field")
    return v


def _imm32(v: int) -> int:
    """imm fields: accept signed or unsigned 32-bit values, store signed."""
    if -(1 << 31) <= v < (1 << 31):
        return v
    if 0 <= v < (1 << 32):
        return v - (1 << 32)
    raise AsmError(f"immediate {v} does not fit in 32 bits (use `ll` for a 64-bit constant)")


def _size(tok: Token) -> tuple[Size, bool]:
    s = str(tok)
    return _SIZES[s[1:]], s[0] == "s"


@v_args(inline=True)
class _Build(Transformer):  # type: ignore[type-arg]
    """Tree -> _Pending. Register widths are checked here, not in the grammar (LALR)."""

    def REG(self, tok: Token) -> _Reg:
        return _Reg(int(tok[1:]), True)

    def WREG(self, tok: Token) -> _Reg:
        return _Reg(int(tok[1:]), False)

    def imm(self, tok: Token) -> int:
        return _int(tok)

    def target(self, tok: Token) -> tuple[str, int | str]:
        if tok.type == "NAME":
            return ("label", str(tok))
        return ("off", _int(tok))

    # --- ALU ------------------------------------------------------------------------------
    def _alu(self, dst: _Reg, op: AluOp, src: _Reg | int, off: int = 0) -> _Pending:
        cls = Cls.ALU64 if dst.wide else Cls.ALU
        if isinstance(src, _Reg):
            if src.wide != dst.wide:
                raise AsmError("mixed 32-bit and 64-bit registers")
            return _Pending(Alu(cls | op | Src.X, dst.n, src.n, off, 0))
        return _Pending(Alu(cls | op | Src.K, dst.n, 0, off, _imm32(src)))

    def alu(self, dst: _Reg, op: Token, src: _Reg | int) -> _Pending:
        aop, off = _ALU_OPS[str(op)]
        return self._alu(dst, aop, src, off)

    def mov(self, dst: _Reg, src: _Reg | int) -> _Pending:
        return self._alu(dst, AluOp.MOV, src)

    def alu_neg(self, dst: _Reg, src: _Reg) -> _Pending:
        if dst != src:
            raise AsmError("negation must use the same register on both sides")
        cls = Cls.ALU64 if dst.wide else Cls.ALU
        return _Pending(Alu(cls | AluOp.NEG | Src.K, dst.n, 0, 0, 0))

    def alu_endian(self, dst: _Reg, kind: Token, src: _Reg) -> _Pending:
        if dst != src or not dst.wide:
            raise AsmError("byte swap must use the same 64-bit register on both sides")
        k = str(kind)
        bits = int(k[-2:])
        if k.startswith("bswap"):
            return _Pending(Alu(Cls.ALU64 | AluOp.END | TO_LE, dst.n, 0, 0, bits))
        return _Pending(Alu(Cls.ALU | AluOp.END | (TO_BE if k.startswith("be") else TO_LE), dst.n, 0, 0, bits))

    def addr_space_cast(self, dst: _Reg, _name: Token, src: _Reg, dst_as: int, src_as: int) -> _Pending:
        if not (dst.wide and src.wide):
            raise AsmError("addr_space_cast works on 64-bit registers")
        if not (0 <= dst_as <= 0xFFFF and 0 <= src_as <= 0xFFFF):
            raise AsmError("address spaces are 16-bit numbers")
        return _Pending(Alu(Cls.ALU64 | AluOp.MOV | Src.X, dst.n, src.n, ADDR_SPACE_CAST, _imm32((dst_as << 16) | src_as)))

    def mov_sx(self, dst: _Reg, ty: Token, src: _Reg) -> _Pending:
        bits = int(str(ty)[1:])
        if src.wide != dst.wide or (not dst.wide and bits == 32):
            raise AsmError("invalid sign-extending move")
        return self._alu(dst, AluOp.MOV, src, bits)

    # --- ld_imm64 and memory --------------------------------------------------------------
    def ld_imm64(self, dst: _Reg, value: int | Token) -> _Pending:
        if not dst.wide:
            raise AsmError("ld_imm64 needs a 64-bit register")
        code = Cls.LD | Mode.IMM | Size.DW
        if isinstance(value, Token):  # a map name or a function label, resolved later
            return _Pending(LoadImm64(code, dst.n, PSEUDO_MAP_FD, 0, 0, str(value), 0), target=str(value))
        if not -(1 << 63) <= value < (1 << 64):
            raise AsmError(f"constant {value} does not fit in 64 bits")
        v = value & ((1 << 64) - 1)
        lo, hi = v & 0xFFFFFFFF, v >> 32
        return _Pending(LoadImm64(code, dst.n, 0, 0, _imm32(lo), None, _imm32(hi)))

    def load(self, dst: _Reg, size: Token, base: _Reg, off: Token) -> _Pending:
        sz, signed = _size(size)
        if not base.wide:
            raise AsmError("address register must be 64-bit")
        if signed and sz == Size.DW:
            raise AsmError("there is no sign-extending 64-bit load")
        if not dst.wide and (signed or sz == Size.DW):
            raise AsmError("64-bit and sign-extending loads need a 64-bit destination register")
        mode = Mode.MEMSX if signed else Mode.MEM
        return _Pending(Load(Cls.LDX | mode | sz, dst.n, base.n, _s16(_int(off), "offset"), 0))

    def store(self, size: Token, base: _Reg, off: Token, src: _Reg) -> _Pending:
        sz, signed = _size(size)
        if signed or not base.wide:
            raise AsmError("invalid store")
        if sz == Size.DW and not src.wide:
            raise AsmError("a 64-bit store needs a 64-bit source register")
        return _Pending(Store(Cls.STX | Mode.MEM | sz, base.n, src.n, _s16(_int(off), "offset"), 0))

    def store_imm(self, size: Token, base: _Reg, off: Token, value: int) -> _Pending:
        sz, signed = _size(size)
        if signed or not base.wide:
            raise AsmError("invalid store")
        return _Pending(StoreImm(Cls.ST | Mode.MEM | sz, base.n, 0, _s16(_int(off), "offset"), _imm32(value)))

    def _atomic(self, size: Token, base: _Reg, off: Token, src: _Reg, op: int) -> _Pending:
        sz, signed = _size(size)
        if signed or sz not in (Size.W, Size.DW) or not base.wide:
            raise AsmError("atomic operations are 32 or 64 bits wide")
        if src.wide != (sz == Size.DW):
            raise AsmError("atomic operand width does not match the access size")
        return _Pending(Store(Cls.STX | Mode.ATOMIC | sz, base.n, src.n, _s16(_int(off), "offset"), op))

    def atomic(self, size: Token, base: _Reg, off: Token, op: Token, src: _Reg) -> _Pending:
        return self._atomic(size, base, off, src, _ATOMIC_OPS[str(op)])

    def atomic_fetch(self, dst: _Reg, name: Token, size: Token, base: _Reg, off: Token, src: _Reg) -> _Pending:
        if dst != src:
            raise AsmError("atomic_fetch_* must name the same register on both sides")
        op = _FETCH_OPS[str(name).rsplit("_", 1)[1]] | AtomicOp.FETCH
        return self._atomic(size, base, off, src, op)

    def xchg(self, dst: _Reg, name: Token, base: _Reg, off: Token, src: _Reg) -> _Pending:
        if dst != src:
            raise AsmError("xchg must name the same register on both sides")
        size = Token("SIZE", "u64" if str(name).endswith("_64") else "u32")
        return self._atomic(size, base, off, src, AtomicOp.XCHG)

    def cmpxchg(self, dst: _Reg, name: Token, base: _Reg, off: Token, old: _Reg, src: _Reg) -> _Pending:
        if dst.n != 0 or old.n != 0:
            raise AsmError("cmpxchg compares and returns in r0")
        size = Token("SIZE", "u64" if str(name).endswith("_64") else "u32")
        return self._atomic(size, base, off, src, AtomicOp.CMPXCHG)

    def ld_abs(self, dst: _Reg, size: Token, value: int) -> _Pending:
        sz, signed = _size(size)
        if dst.n != 0 or not dst.wide or signed or sz == Size.DW:
            raise AsmError("legacy packet loads are r0 = *(u8|u16|u32 *)skb[...]")
        return _Pending(LegacyLoad(Cls.LD | Mode.ABS | sz, 0, 0, 0, _imm32(value)))

    def ld_ind(self, dst: _Reg, size: Token, idx: _Reg, off: Token | None = None) -> _Pending:
        sz, signed = _size(size)
        if dst.n != 0 or not dst.wide or signed or sz == Size.DW:
            raise AsmError("legacy packet loads are r0 = *(u8|u16|u32 *)skb[...]")
        return _Pending(LegacyLoad(Cls.LD | Mode.IND | sz, 0, idx.n, 0, _imm32(_int(off) if off else 0)))

    # --- jumps and calls ------------------------------------------------------------------
    def jcond(self, a: _Reg, cmp: Token, b: _Reg | int, tgt: tuple[str, int | str]) -> _Pending:
        cls = Cls.JMP if a.wide else Cls.JMP32
        op = _CMP[str(cmp)]
        if isinstance(b, _Reg):
            if b.wide != a.wide:
                raise AsmError("mixed 32-bit and 64-bit registers")
            insn: Insn = Jmp(cls | op | Src.X, a.n, b.n, 0, 0)
        else:
            insn = Jmp(cls | op | Src.K, a.n, 0, 0, _imm32(b))
        return self._with_target(insn, tgt)

    def _with_target(self, insn: Insn, tgt: tuple[str, int | str], field: str = "off") -> _Pending:
        kind, val = tgt
        if kind == "label":
            return _Pending(insn, target=str(val))
        v = int(val)
        if field == "off":
            return _Pending(Jmp(insn.code, insn.dst, insn.src, _s16(v, "jump offset"), insn.imm))
        return _Pending(Jmp(insn.code, insn.dst, insn.src, insn.off, _imm32(v)))

    def ja(self, tgt: tuple[str, int | str]) -> _Pending:
        return self._with_target(Jmp(Cls.JMP | JmpOp.JA), tgt)

    def gotol(self, tgt: tuple[str, int | str]) -> _Pending:
        return self._with_target(Jmp(Cls.JMP32 | JmpOp.JA), tgt, field="imm")

    def may_goto(self, tgt: tuple[str, int | str]) -> _Pending:
        return self._with_target(Jmp(Cls.JMP | JmpOp.JCOND), tgt)

    def call(self, what: Token | int) -> _Pending:
        if isinstance(what, int):
            return _Pending(Jmp(Cls.JMP | JmpOp.CALL, 0, 0, 0, _imm32(what)))
        return _Pending(Jmp(Cls.JMP | JmpOp.CALL, 0, 0, 0, 0, str(what)), target=str(what))

    def callx(self, reg: _Reg) -> _Pending:
        return _Pending(Jmp(Cls.JMP | JmpOp.CALL | Src.X, reg.n, 0, 0, 0))

    def exit(self) -> _Pending:
        return _Pending(Jmp(Cls.JMP | JmpOp.EXIT))


@lru_cache(maxsize=1)
def _parser() -> Lark:
    return Lark(GRAMMAR.read_text(), parser="lalr", transformer=_Build(), maybe_placeholders=False)


# --- the fast path -------------------------------------------------------------------------
# The most frequent instruction shapes, in their plainest spelling (single blanks, decimal
# numbers), are recognized by one regular expression each and built by the same _Build methods
# the grammar's transformer uses; anything else, and every error, goes through lark. Names that
# the grammar lexes as a register or keyword are left to lark too. tests/test_asm_fuzz.py checks
# that both paths agree on random and mutated lines.

_R = r"([rw])(10|[0-9])"
_DEC = r"(-?(?:0|[1-9][0-9]{0,11}))"
_UOFF = r"([+-]) (0|[1-9][0-9]{0,5})"
_NAME_RE = r"([A-Za-z_.$][A-Za-z0-9_.$]*)"
_TARGET = rf"(?:([+-](?:0|[1-9][0-9]{{0,5}}))|{_NAME_RE})"
_KEYWORDISH = re.compile(
    r"[rw](?:10|[0-9])|[us](?:8|16|32|64)|(?:be|le|bswap)(?:16|32|64)|atomic_fetch_(?:add|and|or|xor)"
    r"|(?:cmp)?xchg(?:32_32|_64)|addr_space_cast|ll|if|goto|gotol|may_goto|call|callx|exit|lock|skb"
)
_FAST_ALU = re.compile(rf"{_R} (\+=|-=|\*=|/=|%=|\|=|&=|\^=|<<=|>>=|s>>=|s/=|s%=|=) (?:{_R}|{_DEC})")
_FAST_LOAD = re.compile(rf"{_R} = \*\(([us](?:8|16|32|64)) \*\)\(r(10|[0-9]) {_UOFF}\)")
_FAST_STORE = re.compile(rf"\*\(([us](?:8|16|32|64)) \*\)\(r(10|[0-9]) {_UOFF}\) = (?:{_R}|{_DEC})")
_FAST_JCOND = re.compile(rf"if {_R} (==|!=|>=|>|<=|<|s>=|s>|s<=|s<|&) (?:{_R}|{_DEC}) goto {_TARGET}")
_FAST_GOTO = re.compile(rf"goto {_TARGET}")
_FAST_CALL = re.compile(rf"call (?:{_NAME_RE}|(0|[1-9][0-9]{{0,9}}))")
_FAST_LDIMM = re.compile(rf"r(10|[0-9]) = (?:{_DEC}|{_NAME_RE}) ll")
_B = _Build()
# the builder's methods, bound once (lark's v_args wraps them anew on every attribute access)
_B_ALU, _B_MOV, _B_LOAD, _B_LD_IMM64 = _B.alu, _B.mov, _B.load, _B.ld_imm64
_B_STORE, _B_STORE_IMM, _B_JCOND, _B_JA, _B_CALL, _B_EXIT = _B.store, _B.store_imm, _B.jcond, _B.ja, _B.call, _B.exit


def _fast_target(off: str | None, name: str | None) -> tuple[str, int | str] | None:
    if off is not None:
        return ("off", int(off))
    if name is None or _KEYWORDISH.fullmatch(name):
        return None
    return ("label", name)


def _fast(text: str) -> _Pending | None:
    """The instruction `text` (stripped) when it has one of the common plain shapes, else None."""
    c = text[:1]
    if c in "rw":
        if m := _FAST_ALU.fullmatch(text):
            dst = _Reg(int(m[2]), m[1] == "r")
            src: _Reg | int = _Reg(int(m[5]), m[4] == "r") if m[4] else int(m[6])
            return _B_MOV(dst, src) if m[3] == "=" else _B_ALU(dst, Token("ALUOP", m[3]), src)
        if m := _FAST_LOAD.fullmatch(text):
            return _B_LOAD(_Reg(int(m[2]), m[1] == "r"), Token("SIZE", m[3]), _Reg(int(m[4]), True),
                           Token("OFFSET", m[5] + m[6]))
        if m := _FAST_LDIMM.fullmatch(text):
            if m[2] is not None:
                return _B_LD_IMM64(_Reg(int(m[1]), True), int(m[2]))
            if _KEYWORDISH.fullmatch(m[3]):
                return None
            return _B_LD_IMM64(_Reg(int(m[1]), True), Token("NAME", m[3]))
        return None
    if c == "*":
        if m := _FAST_STORE.fullmatch(text):
            size, base, off = Token("SIZE", m[1]), _Reg(int(m[2]), True), Token("OFFSET", m[3] + m[4])
            if m[5]:
                return _B_STORE(size, base, off, _Reg(int(m[6]), m[5] == "r"))
            return _B_STORE_IMM(size, base, off, int(m[7]))
        return None
    if c == "i":
        if m := _FAST_JCOND.fullmatch(text):
            tgt = _fast_target(m[7], m[8])
            if tgt is None:
                return None
            b: _Reg | int = _Reg(int(m[5]), m[4] == "r") if m[4] else int(m[6])
            return _B_JCOND(_Reg(int(m[2]), m[1] == "r"), Token("CMP", m[3]), b, tgt)
        return None
    if c == "g":
        if m := _FAST_GOTO.fullmatch(text):
            tgt = _fast_target(m[1], m[2])
            return _B_JA(tgt) if tgt is not None else None
        return None
    if c == "c":
        if m := _FAST_CALL.fullmatch(text):
            if m[2] is not None:
                return _B_CALL(int(m[2]))
            return None if _KEYWORDISH.fullmatch(m[1]) else _B_CALL(Token("NAME", m[1]))
        return None
    if text == "exit":
        return _B_EXIT()
    return None


_LINE_CACHE: dict[str, tuple[Insn, str | None]] = {}
_LINE_CACHE_MAX = 200_000


def _parse_insn(parser: Lark, body: str) -> _Pending:
    """One instruction: the per-line cache, then the fast path, then the LALR parser."""
    text = body.strip()
    hit = _LINE_CACHE.get(text)
    if hit is not None:
        return _Pending(hit[0], hit[1])
    pend = _fast(text)
    if pend is None:
        pend = parser.parse(body)
    if pend.tail is None:
        if len(_LINE_CACHE) >= _LINE_CACHE_MAX:
            _LINE_CACHE.clear()
        _LINE_CACHE[text] = (pend.insn, pend.target)
    return pend


def _strip_comment(line: str) -> str:
    """Drop `#`, `//` and `;` comments (outside double quotes)."""
    if "#" not in line and ";" not in line and "/" not in line:
        return line
    in_str = False
    for i, ch in enumerate(line):
        if ch == '"':
            in_str = not in_str
        elif not in_str and (ch in "#;" or line.startswith("//", i)):
            return line[:i]
    return line


def _expected(e: UnexpectedInput) -> str:
    exp: set[str] = set()
    if isinstance(e, UnexpectedToken):
        exp = set(e.expected)
    elif isinstance(e, UnexpectedCharacters):
        exp = set(e.allowed or ())
    pretty = {
        "REG": "register", "WREG": "32-bit register", "SIGNED_INT": "number", "NAME": "name",
        "OFFSET": "offset (+N/-N)", "SIZE": "size (u8/u16/u32/u64)", "$END": "end of line",
        "ALUOP": "operator", "CMP": "comparison", "EQUAL": "'='", "LPAR": "'('", "RPAR": "')'",
        "STAR": "'*'", "COMMA": "','", "LL": "'ll'", "GOTO": "'goto'",
    }
    words = sorted({pretty.get(x, x.lower()) for x in exp})
    return ", ".join(words[:12]) if words else "an instruction"


@dataclass
class _Section:
    name: str
    prog_type: ProgType | None
    line: int
    pending: list[tuple[_Pending, SourceLoc]] = field(default_factory=list)
    labels: dict[str, int] = field(default_factory=dict)
    slot: int = 0


def _raw_insn(rest: str) -> _Pending:
    """`.insn CODE, DST, SRC, OFF, IMM` (one raw slot, any encoding); for an ld_imm64 (code 0x18)
    `.insn 0x18, DST, SRC, OFF, IMM, IMM_HI` or all ten fields of both slots."""
    parts = _directive_args(rest)
    if len(parts) not in (5, 6, 10):
        raise AsmError(".insn takes CODE, DST, SRC, OFF, IMM (ld_imm64: then IMM_HI, or the second slot's five fields)")
    vals = [_int(p) if _NUMBER.fullmatch(p) else _bad_number(p) for p in parts]

    def fields(v: list[int]) -> tuple[int, int, int, int, int]:
        code, dst, src, off, imm = v
        if not 0 <= code <= 0xFF:
            raise AsmError(f"opcode {code} is not a byte")
        if not (0 <= dst <= 15 and 0 <= src <= 15):
            raise AsmError("registers are 4-bit fields (0..15)")
        if not -(1 << 15) <= off < (1 << 16):
            raise AsmError(f"offset {off} does not fit in 16 bits")
        off = off - (1 << 16) if off >= (1 << 15) else off
        return code, dst, src, off, _imm32(imm)

    code, dst, src, off, imm = fields(vals[:5])
    typ = insn_type_for(code)
    if code != 0x18:
        if len(vals) != 5:
            raise AsmError("only an ld_imm64 (code 0x18) takes a second slot")
        return _Pending(typ(code, dst, src, off, imm))
    if len(vals) == 10:
        c2, d2, s2, o2, i2 = fields(vals[5:])
        return _Pending(LoadImm64(code, dst, src, off, imm, None, i2), tail=Imm64Tail(c2, d2, s2, o2, i2))
    hi = _imm32(vals[5]) if len(vals) == 6 else 0
    return _Pending(LoadImm64(code, dst, src, off, imm, None, hi))


_NUMBER = re.compile(r"[+-]?[ \t]*(0[xX][0-9a-fA-F]+|0[bB][01]+|[0-9]+)")


def _bad_number(text: str) -> int:
    raise AsmError(f"expected a number, not '{text}'")


def _directive_args(rest: str) -> list[str]:
    return [a.strip() for a in rest.split(",") if a.strip()]


def parse(text: str, file: str = "<input>", prog_type: ProgType | None = None) -> list[Program]:
    """Parse assembly text into one Program per `.section` (or one, if there is none)."""
    lines = text.splitlines()
    if len(lines) > MAX_INPUT_LINES:
        raise InputError(file, MAX_INPUT_LINES + 1, 1, f"input is too large (more than {MAX_INPUT_LINES} lines)")
    parser = _parser()
    sections: list[_Section] = []
    maps: dict[str, MapDef] = {}
    license_ = "GPL"
    global_subprogs: set[str] = set()
    cur: _Section | None = None

    def section() -> _Section:
        nonlocal cur
        if cur is None:
            cur = _Section("", None, 0)
            sections.append(cur)
        return cur

    for lineno, raw in enumerate(lines, 1):
        line = _strip_comment(raw)
        if not line.strip():
            continue
        pos = 0
        while m := _LABEL.match(line, pos):
            sec = section()
            label = m.group(1)
            if label in sec.labels:
                raise InputError(file, lineno, m.start(1) + 1, f"label '{label}' is defined twice")
            sec.labels[label] = sec.slot
            pos = m.end()
        body = line[pos:]
        if not body.strip():
            continue
        col0 = pos + (len(body) - len(body.lstrip())) + 1
        if d := _DIRECTIVE.match(body):
            name, rest = d.group(1), d.group(2).strip()
            if name == ".section":
                sname = rest.split(",")[0].strip().strip('"')
                ptype = prog_type if prog_type is not None else prog_type_from_section(sname)
                if ptype is None and prog_type is None and sname not in (".text", "text"):
                    raise InputError(file, lineno, col0, f"unknown section '{sname}': use a libbpf SEC name (xdp, tc, ...) or --prog-type")
                if sname in (".text", "text") and cur is not None:
                    continue  # subprograms after the main program stay in the same program
                cur = _Section(sname, ptype, lineno)
                sections.append(cur)
            elif name == ".map":
                args = _directive_args(rest)
                if not args:
                    raise InputError(file, lineno, col0, ".map needs a name: .map NAME, type=hash, key=4, value=8, entries=1")
                kw: dict[str, str] = {}
                for a in args[1:]:
                    k, _, v = a.partition("=")
                    kw[k.strip()] = v.strip()
                try:
                    mtype = kw.get("type", "hash")
                    mt = MAP_TYPES[mtype] if mtype in MAP_TYPES else int(mtype, 0)
                    maps[args[0]] = MapDef(args[0], mt, int(kw.get("key", "4"), 0), int(kw.get("value", "8"), 0), int(kw.get("entries", "1"), 0))
                except (KeyError, ValueError):
                    raise InputError(file, lineno, col0, f"bad .map directive: {rest}") from None
            elif name == ".license":
                license_ = rest.strip().strip('"')
            elif name == ".insn":
                try:
                    rawp = _raw_insn(rest)
                except AsmError as e:
                    raise InputError(file, lineno, col0, e.msg) from None
                sec = section()
                sec.pending.append((rawp, SourceLoc(file, lineno, col0, raw.strip())))
                sec.slot += rawp.insn.slots
            elif name == ".subprog":
                parts = rest.replace(",", " ").split()
                if len(parts) >= 2 and parts[1] == "global":
                    global_subprogs.add(parts[0])
            continue  # other directives (.text, .globl, .p2align, .type, .size, .file, .loc, ...)
        sec = section()
        try:
            pend = _parse_insn(parser, body)
        except AsmError as e:
            raise InputError(file, lineno, col0, e.msg) from None
        except UnexpectedInput as e:
            col = pos + getattr(e, "column", 1)
            raise InputError(file, lineno, col, f"expected {_expected(e)}") from None
        except LarkError as e:  # transformer errors arrive wrapped
            inner = getattr(e, "orig_exc", None)
            if isinstance(inner, AsmError):
                raise InputError(file, lineno, col0, inner.msg) from None
            raise InputError(file, lineno, col0, f"cannot parse instruction: {body.strip()}") from None
        pend.col = col0
        sec.pending.append((pend, SourceLoc(file, lineno, col0, raw.strip())))
        sec.slot += pend.insn.slots

    if not sections:
        sections.append(_Section("", None, 0))
    return [_finish(s, file, prog_type, maps, license_, global_subprogs) for s in sections if s.pending or len(sections) == 1]


def _finish(sec: _Section, file: str, prog_type: ProgType | None, maps: dict[str, MapDef], license_: str, global_subprogs: set[str]) -> Program:
    insns: list[Insn] = []
    locs: list[SourceLoc | None] = []
    used_maps: dict[str, MapDef] = {}
    funcs: dict[int, FuncInfo] = {}
    pc = 0  # slot index, as the kernel counts
    for pend, loc in sec.pending:
        insn = pend.insn
        if pend.target is not None:
            insn = _resolve(insn, pend.target, pc, sec.labels, maps, used_maps, funcs, global_subprogs, loc)
        insns.append(insn)
        if pend.tail is not None:
            insns.append(pend.tail)
        locs.extend([loc] * insn.slots)
        pc += insn.slots
    slots = with_tails(insns)
    ptype = prog_type if prog_type is not None else (sec.prog_type or ProgType.XDP)
    return Program(
        insns=slots,
        prog_type=ptype,
        name=sec.name or Path(file).stem,
        file=file,
        section=sec.name,
        license=license_,
        maps=tuple(used_maps.values()),
        funcs=tuple(sorted(funcs.values(), key=lambda f: f.insn)),
        locs=tuple(locs),
        labels=dict(sec.labels),
    )


def _resolve(
    insn: Insn, target: str, pc: int, labels: dict[str, int], maps: dict[str, MapDef],
    used_maps: dict[str, MapDef], funcs: dict[int, FuncInfo], global_subprogs: set[str], loc: SourceLoc,
) -> Insn:
    def err(msg: str) -> InputError:
        return InputError(loc.file, loc.line, loc.col, msg)

    if isinstance(insn, LoadImm64):
        if target in maps:
            used_maps[target] = maps[target]
            return insn
        if target in labels:
            _add_func(funcs, labels[target], target, global_subprogs)
            return LoadImm64(insn.code, insn.dst, PSEUDO_FUNC, 0, labels[target] - (pc + 1), target, 0)
        raise err(f"unknown map or function '{target}' (declare maps with .map NAME, type=..., key=..., value=..., entries=...)")
    assert isinstance(insn, Jmp)
    if insn.is_call:
        if target in labels:
            _add_func(funcs, labels[target], target, global_subprogs)
            return Jmp(insn.code, 0, PSEUDO_CALL, 0, labels[target] - (pc + 1), target)
        hid = names.helper_id(target)
        if hid is not None:
            return Jmp(insn.code, 0, 0, 0, hid, names.helper_name(hid) or target)
        kid = names.kfunc_id(target)
        if kid is not None:
            return Jmp(insn.code, 0, PSEUDO_KFUNC_CALL, 0, kid, target)
        close = names.suggest(target)
        hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
        raise err(f"unknown helper or kfunc '{target}'{hint}")
    if target not in labels:
        raise err(f"unknown label '{target}'")
    rel = labels[target] - (pc + 1)
    if insn.is_gotol:
        return Jmp(insn.code, insn.dst, insn.src, insn.off, rel)
    if not -(1 << 15) <= rel < (1 << 15):
        raise err(f"jump to '{target}' is too far for a 16-bit offset (use gotol)")
    return Jmp(insn.code, insn.dst, insn.src, rel, insn.imm)


def _add_func(funcs: dict[int, FuncInfo], at: int, name: str, global_subprogs: set[str]) -> None:
    if at not in funcs:
        funcs[at] = FuncInfo(at, name, "global" if name in global_subprogs else "static")


def clear_caches() -> None:
    """Forget the per-line parse cache (benchmarks measure a cold parse)."""
    _LINE_CACHE.clear()


def parse_file(path: str | Path, prog_type: ProgType | None = None) -> list[Program]:
    p = Path(path)
    try:
        text = p.read_text()
    except (OSError, UnicodeDecodeError) as e:
        raise InputError(str(path), 0, 0, f"cannot read: {e}") from None
    return parse(text, str(path), prog_type)


__all__ = ["MAP_TYPES", "parse", "parse_file"]
