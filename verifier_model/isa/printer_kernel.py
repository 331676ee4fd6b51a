"""Instructions as the kernel prints them (kernel/bpf/disasm.c `print_bpf_insn`).

Two dialects share the printer, as they share disasm.c in the kernel tree:

- ``log``: the verifier log (`do_check` prints `N: ` then `print_bpf_insn` with the callback
  `disasm_kfunc_name` and no `cb_imm`): `(85) call bpf_xdp_ct_lookup#66135`, `(18) r1 = 0x...`.
- ``xlated``: `bpftool prog dump xlated` (tools/bpf/bpftool/xlated_dumper.c: `print_call`,
  `print_imm`): helpers and kfuncs print by kernel symbol, maps as `map[id:N]`, pseudo calls
  as `call pc+N#symbol`.

`format_insn` returns the text after `N: `, e.g. `(bf) r6 = r1`, character for character; the
kernel's `BUG_...` lines for encodings it cannot print are reproduced too.
"""
from __future__ import annotations

from typing import Literal

from ..program import Program
from .insn import Imm64Tail, Insn
from .opcodes import (
    PSEUDO_CALL,
    PSEUDO_FUNC,
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_IDX_VALUE,
    PSEUDO_MAP_VALUE,
    TO_BE,
    AluOp,
    AtomicOp,
    Cls,
    JmpOp,
    Mode,
    Size,
    Src,
)

Dialect = Literal["log", "xlated"]

# The sym of the placeholder the dump frontends put in slots a log never printed
# (frontend.dumps.GAP: an instruction do_check never reached, so never printed).
GAP_SYM = "<not in the log>"

# include/uapi/linux/bpf.h values opcodes.py does not name
MAY_GOTO = 0  # BPF_MAY_GOTO: src_reg of BPF_JCOND
ADDR_SPACE_CAST = 1  # BPF_ADDR_SPACE_CAST: off of a 64-bit mov
LOAD_ACQ = 0x100  # BPF_LOAD_ACQ = BPF_ATOMIC_LOAD | BPF_ACQUIRE
STORE_REL = 0x110  # BPF_STORE_REL = BPF_ATOMIC_STORE | BPF_RELEASE
NOSPEC_MODE = 0xC0  # BPF_NOSPEC (ST class), no UAPI

# A C `%s` of a NULL table entry prints "(null)" (vsnprintf), which is what the kernel shows for
# opcodes its string tables leave out.
NULL = "(null)"

ALU_STRING: dict[int, str] = {
    AluOp.ADD: "+=", AluOp.SUB: "-=", AluOp.MUL: "*=", AluOp.DIV: "/=", AluOp.OR: "|=",
    AluOp.AND: "&=", AluOp.LSH: "<<=", AluOp.RSH: ">>=", AluOp.NEG: "neg", AluOp.MOD: "%=",
    AluOp.XOR: "^=", AluOp.MOV: "=", AluOp.ARSH: "s>>=", AluOp.END: "endian",
}
ALU_SIGN_STRING: dict[int, str] = {AluOp.DIV: "s/=", AluOp.MOD: "s%="}
MOVSX_STRING: dict[int, str] = {8: "(s8)", 16: "(s16)", 32: "(s32)"}
ATOMIC_ALU_STRING: dict[int, str] = {
    AtomicOp.ADD: "add", AtomicOp.AND: "and", AtomicOp.OR: "or", AtomicOp.XOR: "xor",
}
LDST_STRING: dict[int, str] = {Size.W: "u32", Size.H: "u16", Size.B: "u8", Size.DW: "u64"}
LDSX_STRING: dict[int, str] = {Size.W: "s32", Size.H: "s16", Size.B: "s8"}
JMP_STRING: dict[int, str] = {
    JmpOp.JA: "jmp", JmpOp.JEQ: "==", JmpOp.JGT: ">", JmpOp.JLT: "<", JmpOp.JGE: ">=",
    JmpOp.JLE: "<=", JmpOp.JSET: "&", JmpOp.JNE: "!=", JmpOp.JSGT: "s>", JmpOp.JSLT: "s<",
    JmpOp.JSGE: "s>=", JmpOp.JSLE: "s<=", JmpOp.CALL: "call", JmpOp.EXIT: "exit",
}
CLASS_STRING: dict[int, str] = {
    Cls.LD: "ld", Cls.LDX: "ldx", Cls.ST: "st", Cls.STX: "stx", Cls.ALU: "alu", Cls.JMP: "jmp",
    Cls.JMP32: "jmp32", Cls.ALU64: "alu64",
}
SIMPLE_ATOMICS = (AtomicOp.ADD, AtomicOp.AND, AtomicOp.OR, AtomicOp.XOR)
FETCH_ATOMICS = tuple(op | AtomicOp.FETCH for op in SIMPLE_ATOMICS)


def _s16(v: int) -> int:
    v &= 0xFFFF
    return v - 0x10000 if v & 0x8000 else v


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def _u32(v: int) -> int:
    return v & 0xFFFFFFFF


def call_name(insn: Insn, dialect: Dialect = "log") -> str:
    """The NAME of `call NAME#imm` (disasm.c `__func_get_name` with the dialect's callback)."""
    from .names import helper_name, kfunc_name

    imm = _s32(insn.imm)
    if (insn.src & 0xF) == 0 and imm >= 0:
        name = helper_name(imm)  # func_id_str[]: the only table the kernel consults first
        if name:
            return name
    if dialect == "xlated":  # print_call_helper: the kernel symbol at the call address
        return insn.sym or "unknown"
    if (insn.src & 0xF) == PSEUDO_KFUNC_CALL:  # disasm_kfunc_name: the FUNC's BTF name
        return insn.sym or kfunc_name(imm) or "unknown"
    return "unknown"


def _imm64_text(insn: Insn, imm_hi: int, dialect: Dialect, allow_ptr_leaks: bool) -> str:
    value = (_u32(imm_hi) << 32) | _u32(insn.imm)
    src = insn.src & 0xF
    if dialect == "xlated":  # bpftool print_imm
        if src == PSEUDO_MAP_FD:
            return f"map[id:{_u32(insn.imm)}]"
        if src == PSEUDO_MAP_VALUE:
            return f"map[id:{_u32(insn.imm)}][0]+{_u32(imm_hi)}"
        if src == PSEUDO_MAP_IDX_VALUE:
            return f"map[idx:{_u32(insn.imm)}]+{_u32(imm_hi)}"
        if src == PSEUDO_FUNC:
            return f"subprog[{_s32(insn.imm):+d}]"
        return f"0x{value:x}"
    if src in (PSEUDO_MAP_FD, PSEUDO_MAP_VALUE) and not allow_ptr_leaks:
        value = 0
    return f"0x{value:x}"


def format_insn(
    insn: Insn,
    pc: int = 0,
    *,
    dialect: Dialect = "log",
    allow_ptr_leaks: bool = True,
    imm_hi: int | None = None,
) -> str:
    """`(xx) text` for one instruction, as print_bpf_insn prints it (without `pc: `).

    `pc` is accepted for symmetry with the other printers (the kernel's text never depends on
    it). `imm_hi` overrides the second half of an ld_imm64 (default: the insn's `imm_hi`).
    `allow_ptr_leaks=False` prints map addresses as 0x0, as unprivileged logs do.
    """
    del pc
    if isinstance(insn, Imm64Tail):
        raise TypeError("the second slot of an ld_imm64 is not printed on its own")
    code = insn.code & 0xFF
    cls = code & 0x07
    op = code & 0xF0
    mode = code & 0xE0
    size = code & 0x18
    dst, src, off, imm = insn.dst & 0xF, insn.src & 0xF, _s16(insn.off), _s32(insn.imm)
    head = f"({code:02x})"

    if cls in (Cls.ALU, Cls.ALU64):
        w = "w" if cls == Cls.ALU else "r"
        if op == AluOp.END:
            if cls == Cls.ALU64:  # print_bpf_bswap_insn
                return f"{head} r{dst} = bswap{imm} r{dst}"
            order = "be" if (code & 0x08) == TO_BE else "le"  # print_bpf_end_insn
            return f"{head} r{dst} = {order}{imm} r{dst}"
        if op == AluOp.NEG:
            return f"{head} {w}{dst} = -{w}{dst}"
        if code == (Cls.ALU64 | AluOp.MOV | Src.X) and off == ADDR_SPACE_CAST:
            return f"{head} r{dst} = addr_space_cast(r{src}, {_u32(imm) >> 16}, {imm & 0xFFFF})"
        signed = op in (AluOp.DIV, AluOp.MOD) and off == 1  # is_sdiv_smod
        opstr = ALU_SIGN_STRING[op] if signed else ALU_STRING.get(op, NULL)
        if (code & 0x08) == Src.X:
            movsx = MOVSX_STRING[off] if op == AluOp.MOV and off in MOVSX_STRING else ""
            return f"{head} {w}{dst} {opstr} {movsx}{w}{src}"
        return f"{head} {w}{dst} {opstr} {imm}"

    if cls == Cls.STX:
        sz = LDST_STRING[size]
        bits = "64" if size == Size.DW else ""
        if mode == Mode.MEM:
            return f"{head} *({sz} *)(r{dst} {off:+d}) = r{src}"
        if mode == Mode.ATOMIC:
            if imm in SIMPLE_ATOMICS:
                return f"{head} lock *({sz} *)(r{dst} {off:+d}) {ALU_STRING[imm & 0xF0]} r{src}"
            if imm in FETCH_ATOMICS:
                name = ATOMIC_ALU_STRING[imm & 0xF0]
                return f"{head} r{src} = atomic{bits}_fetch_{name}(({sz} *)(r{dst} {off:+d}), r{src})"
            if imm == AtomicOp.CMPXCHG:
                return f"{head} r0 = atomic{bits}_cmpxchg(({sz} *)(r{dst} {off:+d}), r0, r{src})"
            if imm == AtomicOp.XCHG:
                return f"{head} r{src} = atomic{bits}_xchg(({sz} *)(r{dst} {off:+d}), r{src})"
            if imm == LOAD_ACQ:
                return f"{head} r{dst} = load_acquire(({sz} *)(r{src} {off:+d}))"
            if imm == STORE_REL:
                return f"{head} store_release(({sz} *)(r{dst} {off:+d}), r{src})"
        return f"BUG_{code:02x}"

    if cls == Cls.ST:
        if mode == Mode.MEM:
            return f"{head} *({LDST_STRING[size]} *)(r{dst} {off:+d}) = {imm}"
        if mode == NOSPEC_MODE:
            return f"{head} nospec"
        return f"BUG_st_{code:02x}"

    if cls == Cls.LDX:
        if mode == Mode.MEM:
            sz = LDST_STRING[size]
        elif mode == Mode.MEMSX and size in LDSX_STRING:
            sz = LDSX_STRING[size]
        else:  # (MEMSX|DW reads past bpf_ldsx_string[]; the kernel rejects it before printing)
            return f"BUG_ldx_{code:02x}"
        return f"{head} r{dst} = *({sz} *)(r{src} {off:+d})"

    if cls == Cls.LD:
        if mode == Mode.ABS:
            return f"{head} r0 = *({LDST_STRING[size]} *)skb[{imm}]"
        if mode == Mode.IND:
            return f"{head} r0 = *({LDST_STRING[size]} *)skb[r{src} + {imm}]"
        if mode == Mode.IMM and size == Size.DW:
            hi = imm_hi if imm_hi is not None else getattr(insn, "imm_hi", 0)
            return f"{head} r{dst} = {_imm64_text(insn, hi, dialect, allow_ptr_leaks)}"
        return f"BUG_ld_{code:02x}"

    # BPF_JMP / BPF_JMP32
    w = "w" if cls == Cls.JMP32 else "r"
    if op == JmpOp.CALL:
        if src == PSEUDO_CALL:
            target = f"{imm:+d}"
            if dialect == "xlated" and insn.sym:  # print_call_pcrel of a JITed program
                target += f"#{insn.sym}"
            return f"{head} call pc{target}"
        return f"{head} call {call_name(insn, dialect)}#{imm}"
    if code == Cls.JMP | JmpOp.JA:
        return f"{head} goto pc{off:+d}"
    if code == Cls.JMP | JmpOp.JCOND and src == MAY_GOTO:
        return f"{head} may_goto pc{off:+d}"
    if code == Cls.JMP32 | JmpOp.JA:
        return f"{head} gotol pc{imm:+d}"
    if code == Cls.JMP | JmpOp.EXIT:
        return f"{head} exit"
    opstr = JMP_STRING.get(op, NULL)
    if (code & 0x08) == Src.X:
        return f"{head} if {w}{dst} {opstr} {w}{src} goto pc{off:+d}"
    return f"{head} if {w}{dst} {opstr} 0x{_u32(imm):x} goto pc{off:+d}"


def format_program_kernel(program: Program, *, dialect: Dialect = "log", allow_ptr_leaks: bool = True) -> str:
    """One `N: (xx) text` line per instruction (ld_imm64 tails are skipped, as the kernel does).

    In the xlated dialect indices are right-aligned in four columns (`printf("% 4d: ")`).
    Slots whose instruction is unknown (`frontend.dumps.GAP`, a gap in a verifier log) print as
    `N: <not in the log>`.
    """
    lines = []
    for idx, insn in program.instructions():
        prefix = f"{idx:4d}: " if dialect == "xlated" else f"{idx}: "
        if type(insn) is Insn and insn.sym == GAP_SYM:
            lines.append(f"{prefix}{GAP_SYM}")
            continue
        lines.append(prefix + format_insn(insn, idx, dialect=dialect, allow_ptr_leaks=allow_ptr_leaks))
    return "\n".join(lines) + ("\n" if lines else "")
