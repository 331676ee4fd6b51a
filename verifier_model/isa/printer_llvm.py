"""Instructions in LLVM's BPF assembly syntax, as `llvm-mc -triple bpf -mcpu=v4` prints them.

`format_insn` prints one instruction the way LLVM 19's disassembler does with `-mcpu=v4`
(`llvm-mc -disassemble`, or `llvm-objdump -d --mcpu=v4` with `hex_imm=True`), character for
character: `w` registers for 32-bit ALU/JMP32 and for the sub-64-bit loads, stores and atomics,
`r1 = 4660 ll`, `lock *(u64 *)(r1 + 0) += r2`, `r0 = atomic_fetch_add((u64 *)(r1 + 0), r0)`,
`r0 = xchg_64(r1 + 0, r0)`, `r0 = cmpxchg_64(r1 + 0, r0, r2)`, `may_goto +1`, `gotol +2`.

Where LLVM prints a number our assembler could not map back to the same instruction, the
program printer uses names instead (what `clang -S` writes): jump targets and bpf-to-bpf calls
as labels, helpers and kfuncs as `call NAME`, maps as `r1 = NAME ll` with a `.map` directive.
Encodings with no assembly syntax at all (reserved fields set, opcodes LLVM 19 cannot write such
as load_acquire, unnamed map fds) print as the `.insn CODE, DST, SRC, OFF, IMM` directive of our
dialect, followed by the kernel's text as a comment. So `frontend.asm.parse(format_program(p))`
gives back p's instructions.
"""
from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..program import MapDef, Program
from . import names
from .insn import Imm64Tail, Insn
from .opcodes import (
    PSEUDO_CALL,
    PSEUDO_FUNC,
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    TO_BE,
    AluOp,
    AtomicOp,
    Cls,
    JmpOp,
    Mode,
    Size,
    Src,
    prog_type_from_section,
)

ADDR_SPACE_CAST = 1  # off of BPF_ALU64|BPF_MOV|BPF_X: addr_space_cast (printer_kernel has it too)

ALU_OPS: dict[int, str] = {
    AluOp.ADD: "+=", AluOp.SUB: "-=", AluOp.MUL: "*=", AluOp.DIV: "/=", AluOp.OR: "|=",
    AluOp.AND: "&=", AluOp.LSH: "<<=", AluOp.RSH: ">>=", AluOp.MOD: "%=", AluOp.XOR: "^=",
    AluOp.MOV: "=", AluOp.ARSH: "s>>=",
}
SIGNED_ALU_OPS: dict[int, str] = {AluOp.DIV: "s/=", AluOp.MOD: "s%="}
JMP_OPS: dict[int, str] = {
    JmpOp.JEQ: "==", JmpOp.JGT: ">", JmpOp.JGE: ">=", JmpOp.JSET: "&", JmpOp.JNE: "!=",
    JmpOp.JSGT: "s>", JmpOp.JSGE: "s>=", JmpOp.JLT: "<", JmpOp.JLE: "<=", JmpOp.JSLT: "s<",
    JmpOp.JSLE: "s<=",
}
SIZES: dict[int, str] = {Size.B: "8", Size.H: "16", Size.W: "32", Size.DW: "64"}
LOCK_OPS: dict[int, str] = {AtomicOp.ADD: "+=", AtomicOp.OR: "|=", AtomicOp.AND: "&=", AtomicOp.XOR: "^="}
FETCH_OPS: dict[int, str] = {
    AtomicOp.ADD | AtomicOp.FETCH: "add", AtomicOp.OR | AtomicOp.FETCH: "or",
    AtomicOp.AND | AtomicOp.FETCH: "and", AtomicOp.XOR | AtomicOp.FETCH: "xor",
}
LD_IMM64 = Cls.LD | Mode.IMM | Size.DW


class NoSyntax(ValueError):
    """The instruction has no LLVM assembly form (print it with `.insn`)."""


def _s16(v: int) -> int:
    v &= 0xFFFF
    return v - 0x10000 if v & 0x8000 else v


def _s32(v: int) -> int:
    v &= 0xFFFFFFFF
    return v - (1 << 32) if v & 0x80000000 else v


def _s64(v: int) -> int:
    v &= (1 << 64) - 1
    return v - (1 << 64) if v >> 63 else v


def _num(v: int, hex_imm: bool) -> str:
    return f"{v:#x}" if hex_imm else str(v)


def _mem(base: int, off: int, hex_imm: bool) -> str:
    """`r1 + 8`, `r10 - 8` (the inside of `(...)`)."""
    sign = "-" if off < 0 else "+"
    return f"r{base} {sign} {_num(abs(off), hex_imm)}"


def _rel(off: int, hex_imm: bool) -> str:
    """A pc-relative jump offset: `+3`, `-2`, `+0x3`."""
    return ("-" if off < 0 else "+") + _num(abs(off), hex_imm)


def _need(cond: bool) -> None:
    if not cond:
        raise NoSyntax


def _llvm_text(
    insn: Insn,
    pc: int,
    labels: Mapping[int, str] | None,
    hex_imm: bool,
    call_names: bool,
    tail: Insn | None,
) -> str:
    """LLVM's text of `insn` at slot `pc`; NoSyntax when there is none that reads back exactly."""
    code = insn.code & 0xFF
    cls, op, mode, size = code & 0x07, code & 0xF0, code & 0xE0, code & 0x18
    dst, src, off, imm = insn.dst & 0xF, insn.src & 0xF, _s16(insn.off), _s32(insn.imm)
    _need(dst <= 10 and src <= 10 if cls != Cls.LD else True)

    if cls in (Cls.ALU, Cls.ALU64):
        w = "r" if cls == Cls.ALU64 else "w"
        x = (code & 0x08) == Src.X
        if op == AluOp.END:
            _need(src == 0 and off == 0 and imm in (16, 32, 64))
            if cls == Cls.ALU64:
                _need(not x)
                return f"r{dst} = bswap{imm} r{dst}"
            return f"r{dst} = {'be' if (code & 0x08) == TO_BE else 'le'}{imm} r{dst}"
        if op == AluOp.NEG:
            _need(not x and src == 0 and off == 0 and imm == 0)
            return f"{w}{dst} = -{w}{dst}"
        _need(op in ALU_OPS)
        if op == AluOp.MOV and x and off == ADDR_SPACE_CAST and cls == Cls.ALU64:
            return f"r{dst} = addr_space_cast(r{src}, {_num((imm >> 16) & 0xFFFF, hex_imm)}, {_num(imm & 0xFFFF, hex_imm)})"
        if op in SIGNED_ALU_OPS and off == 1:
            opstr = SIGNED_ALU_OPS[op]
        else:
            _need(off == 0 or (op == AluOp.MOV and x and off in ((8, 16, 32) if cls == Cls.ALU64 else (8, 16))))
            opstr = ALU_OPS[op]
        if x:
            _need(imm == 0)
            movsx = f"(s{off})" if op == AluOp.MOV and off else ""
            return f"{w}{dst} {opstr} {movsx}{w}{src}"
        _need(src == 0)
        return f"{w}{dst} {opstr} {_num(imm, hex_imm)}"

    if cls in (Cls.JMP, Cls.JMP32):
        w = "r" if cls == Cls.JMP else "w"
        x = (code & 0x08) == Src.X
        if op == JmpOp.JA:
            _need(not x and dst == 0 and src == 0)
            if cls == Cls.JMP32:  # gotol: the target is in imm
                _need(off == 0)
                return f"gotol {_target(pc, imm, labels, hex_imm)}"
            _need(imm == 0)
            return f"goto {_target(pc, off, labels, hex_imm)}"
        _need(cls == Cls.JMP or op not in (JmpOp.CALL, JmpOp.EXIT, JmpOp.JCOND))
        if op == JmpOp.EXIT:
            _need(not x and dst == 0 and src == 0 and off == 0 and imm == 0)
            return "exit"
        if op == JmpOp.JCOND:
            _need(not x and dst == 0 and src == 0 and imm == 0)  # src 0: BPF_MAY_GOTO
            return f"may_goto {_target(pc, off, labels, hex_imm)}"
        if op == JmpOp.CALL:
            if x:  # callx: the target address is in dst
                _need(src == 0 and off == 0 and imm == 0)
                return f"callx r{dst}"
            _need(dst == 0 and off == 0)
            return f"call {_call_target(insn, pc, src, imm, labels, hex_imm, call_names)}"
        _need(op in JMP_OPS)
        tgt = _target(pc, off, labels, hex_imm)
        if x:
            _need(imm == 0)
            return f"if {w}{dst} {JMP_OPS[op]} {w}{src} goto {tgt}"
        _need(src == 0)
        return f"if {w}{dst} {JMP_OPS[op]} {_num(imm, hex_imm)} goto {tgt}"

    if cls == Cls.LDX:
        _need(imm == 0 and size in SIZES)
        if mode == Mode.MEM:
            reg = "r" if size == Size.DW else "w"
            return f"{reg}{dst} = *(u{SIZES[size]} *)({_mem(src, off, hex_imm)})"
        _need(mode == Mode.MEMSX and size != Size.DW)
        return f"r{dst} = *(s{SIZES[size]} *)({_mem(src, off, hex_imm)})"

    if cls == Cls.ST:
        _need(mode == Mode.MEM and src == 0)
        return f"*(u{SIZES[size]} *)({_mem(dst, off, hex_imm)}) = {_num(imm, hex_imm)}"

    if cls == Cls.STX:
        reg = "r" if size == Size.DW else "w"
        if mode == Mode.MEM:
            _need(imm == 0)
            return f"*(u{SIZES[size]} *)({_mem(dst, off, hex_imm)}) = {reg}{src}"
        _need(mode == Mode.ATOMIC and size in (Size.W, Size.DW))
        bits = SIZES[size]
        if imm in LOCK_OPS:
            return f"lock *(u{bits} *)({_mem(dst, off, hex_imm)}) {LOCK_OPS[imm]} {reg}{src}"
        if imm in FETCH_OPS:
            return f"{reg}{src} = atomic_fetch_{FETCH_OPS[imm]}((u{bits} *)({_mem(dst, off, hex_imm)}), {reg}{src})"
        name = "_64" if size == Size.DW else "32_32"
        if imm == AtomicOp.XCHG:
            return f"{reg}{src} = xchg{name}({_mem(dst, off, hex_imm)}, {reg}{src})"
        _need(imm == AtomicOp.CMPXCHG)
        return f"{reg}0 = cmpxchg{name}({_mem(dst, off, hex_imm)}, {reg}0, {reg}{src})"

    # BPF_LD
    if mode in (Mode.ABS, Mode.IND):
        _need(size != Size.DW and dst == 0 and off == 0)
        if mode == Mode.ABS:
            _need(src == 0)
            return f"r0 = *(u{SIZES[size]} *)skb[{_num(imm, hex_imm)}]"
        _need(src <= 10)
        # LLVM writes no offset (imm 0); a nonzero one is our dialect's `skb[r1 + 5]`, as the kernel prints it
        plus = f" + {_num(imm, hex_imm)}" if imm > 0 else f" - {_num(-imm, hex_imm)}" if imm < 0 else ""
        return f"r0 = *(u{SIZES[size]} *)skb[r{src}{plus}]"
    _need(code == LD_IMM64 and off == 0 and dst <= 10)
    if tail is not None:
        _need(tail.code == 0 and tail.dst == 0 and tail.src == 0 and tail.off == 0)
    imm_hi = tail.imm if tail is not None else getattr(insn, "imm_hi", 0)
    if src == 0:
        value = ((imm_hi & 0xFFFFFFFF) << 32) | (insn.imm & 0xFFFFFFFF)
        return f"r{dst} = {_num(_s64(value), hex_imm)} ll"
    if src == PSEUDO_MAP_FD:  # a map by name (the fd in imm is relocation, not syntax)
        _need(bool(insn.sym) and _is_name(insn.sym or "") and imm_hi == 0)
        return f"r{dst} = {insn.sym} ll"
    if src == PSEUDO_FUNC:
        _need(imm_hi == 0 and labels is not None and (pc + 1 + imm) in labels)
        assert labels is not None
        return f"r{dst} = {labels[pc + 1 + imm]} ll"
    raise NoSyntax


def _is_name(s: str) -> bool:
    """A name the assembler reads back (grammar NAME: ASCII letters, digits, `_.$`)."""
    return bool(s) and s.isascii() and (s[0].isalpha() or s[0] in "_.$") and all(c.isalnum() or c in "_.$" for c in s)


def _target(pc: int, rel: int, labels: Mapping[int, str] | None, hex_imm: bool) -> str:
    if labels is not None and (pc + 1 + rel) in labels:
        return labels[pc + 1 + rel]
    return _rel(rel, hex_imm)


def _call_target(
    insn: Insn, pc: int, src: int, imm: int, labels: Mapping[int, str] | None, hex_imm: bool, call_names: bool,
) -> str:
    if src == 0:  # helper
        if call_names:
            name = names.helper_name(imm) if imm >= 0 else None
            if name:
                return name
        return _num(imm, hex_imm)
    if src == PSEUDO_CALL:
        _need(labels is not None and (pc + 1 + imm) in labels)
        assert labels is not None
        return labels[pc + 1 + imm]
    _need(src == PSEUDO_KFUNC_CALL)
    name = insn.sym if insn.sym and names.kfunc_id(insn.sym) == imm else names.kfunc_name(imm)
    _need(name is not None and _is_name(name) and names.helper_id(name) is None)
    assert name is not None
    return name


def format_raw(insn: Insn, tail: Insn | None = None, *, comment: bool = True) -> str:
    """`.insn CODE, DST, SRC, OFF, IMM` (our dialect's directive for any encoding); an ld_imm64
    adds IMM_HI, or the whole second slot when its reserved fields are set."""
    f = f".insn {insn.code & 0xFF:#04x}, {insn.dst & 0xF}, {insn.src & 0xF}, {_s16(insn.off)}, {_s32(insn.imm)}"
    if (insn.code & 0xFF) == LD_IMM64:
        if tail is not None and (tail.code or tail.dst or tail.src or tail.off):
            f += f", {tail.code & 0xFF:#04x}, {tail.dst & 0xF}, {tail.src & 0xF}, {_s16(tail.off)}, {_s32(tail.imm)}"
        else:
            f += f", {_s32(tail.imm if tail is not None else getattr(insn, 'imm_hi', 0))}"
    if comment:
        from .printer_kernel import format_insn as kernel_text

        try:
            text = kernel_text(insn, imm_hi=tail.imm if tail is not None else None)
        except (KeyError, ValueError, TypeError):
            text = ""
        if text:
            f += f"  # {text}"
    return f


def format_insn(
    insn: Insn,
    pc: int = 0,
    *,
    labels: Mapping[int, str] | None = None,
    hex_imm: bool = False,
    call_names: bool = True,
    tail: Insn | None = None,
) -> str:
    """One instruction in LLVM syntax (without indentation).

    `labels` (slot -> name) names jump, call and function-pointer targets; without it targets
    print as `+N`. `hex_imm` prints numbers as llvm-objdump does (`0x5`, `-0x1`, `+ 0x8`).
    `call_names=False` prints helper calls as LLVM does (`call 1`) instead of `call
    bpf_map_lookup_elem`. `tail` is the ld_imm64's second slot, when known. Instructions without
    an assembly form print as `.insn ...` (see module doc).
    """
    if isinstance(insn, Imm64Tail):
        raise TypeError("the second slot of an ld_imm64 is printed with its first")
    try:
        return _llvm_text(insn, pc, labels, hex_imm, call_names, tail)
    except NoSyntax:
        return format_raw(insn, tail)


# --------------------------------------------------------------------------------------------
# Whole programs
# --------------------------------------------------------------------------------------------


def _targets(insns: Sequence[Insn]) -> dict[int, str]:
    """Slot -> kind ('jump' | 'func') of every in-program target of a jump, call or ld_imm64."""
    out: dict[int, str] = {}
    starts = {i for i, x in enumerate(insns) if not isinstance(x, Imm64Tail)} | {len(insns)}
    for pc, insn in enumerate(insns):
        code = insn.code & 0xFF
        cls, op = code & 0x07, code & 0xF0
        t: int | None = None
        kind = "jump"
        if cls in (Cls.JMP, Cls.JMP32):
            if op == JmpOp.CALL:
                if (insn.src & 0xF) == PSEUDO_CALL and not code & 0x08:
                    t, kind = pc + 1 + _s32(insn.imm), "func"
            elif op == JmpOp.JA and cls == Cls.JMP32:
                t = pc + 1 + _s32(insn.imm)
            elif op != JmpOp.EXIT:
                t = pc + 1 + _s16(insn.off)
        elif code == LD_IMM64 and (insn.src & 0xF) == PSEUDO_FUNC:
            t, kind = pc + 1 + _s32(insn.imm), "func"
        if t is not None and t in starts and (t < len(insns) or kind == "jump") and out.get(t) != "func":
            out[t] = kind
    return out


def _label_names(program: Program) -> tuple[dict[int, list[str]], dict[int, str]]:
    """(slot -> every label printed there, slot -> the name references use)."""
    insns = program.insns
    taken = set(program.labels) | {m.name for m in program.maps}
    at: dict[int, list[str]] = {}
    for name, slot in program.labels.items():
        if 0 <= slot <= len(insns) and _is_name(name):
            at.setdefault(slot, []).append(name)
    primary: dict[int, str] = {slot: names_[0] for slot, names_ in at.items()}
    for f in program.funcs:
        if _is_name(f.name) and 0 <= f.insn < len(insns):
            if f.name not in at.get(f.insn, []):
                if f.name in taken:
                    continue
                at.setdefault(f.insn, []).append(f.name)
                taken.add(f.name)
            primary[f.insn] = f.name
    for slot, kind in sorted(_targets(insns).items()):
        if slot in primary:
            continue
        base = f"subprog_{slot}" if kind == "func" else f"LBB_{slot}"
        name, k = base, 1
        while name in taken or names.helper_id(name) is not None or names.kfunc_id(name) is not None:
            name, k = f"{base}_{k}", k + 1
        taken.add(name)
        at.setdefault(slot, []).append(name)
        primary[slot] = name
    return at, primary


def _map_directive(m: MapDef) -> str:
    from ..frontend.asm import MAP_TYPES

    type_names = {v: k for k, v in MAP_TYPES.items()}
    return (f".map {m.name}, type={type_names.get(m.map_type, str(m.map_type))}, key={m.key_size}, "
            f"value={m.value_size}, entries={m.max_entries}")


def format_program(program: Program, *, hex_imm: bool = False, call_names: bool = True) -> str:
    """The whole program as an assembly file our frontend reads back to the same instructions:
    `.section`, `.license`, `.map` and `.subprog` directives, then the instructions, tab-indented,
    with labels at every jump, call and function-pointer target."""
    from .printer_kernel import GAP_SYM

    lines: list[str] = []
    if program.section and prog_type_from_section(program.section) == program.prog_type:
        lines.append(f"\t.section {program.section}")
    elif program.section:
        lines.append(f"# section {program.section} ({program.prog_type.name.lower()}; read back with --prog-type)")
    if program.license != "GPL":
        lines.append(f'\t.license "{program.license}"')
    declared: set[str] = set()
    for m in program.maps:
        if _is_name(m.name) and m.name not in declared:
            lines.append("\t" + _map_directive(m))
            declared.add(m.name)
    for insn in program.insns:
        sym = insn.sym or ""
        if (insn.code & 0xFF) == LD_IMM64 and (insn.src & 0xF) == PSEUDO_MAP_FD and _is_name(sym) and sym not in declared:
            lines.append("\t" + _map_directive(MapDef(sym)))
            declared.add(sym)
    for f in program.funcs:
        if f.linkage == "global" and _is_name(f.name):
            lines.append(f"\t.subprog {f.name} global")
    at, primary = _label_names(program)
    insns = program.insns
    for pc, insn in enumerate(insns):
        if isinstance(insn, Imm64Tail):
            continue
        for name in at.get(pc, ()):
            lines.append(f"{name}:")
        tail = insns[pc + 1] if (insn.code & 0xFF) == LD_IMM64 and pc + 1 < len(insns) else None
        if type(insn) is Insn and insn.sym == GAP_SYM:
            lines.append(f"\t{format_raw(insn, comment=False)}  # {GAP_SYM}")
            continue
        lines.append("\t" + format_insn(insn, pc, labels=primary, hex_imm=hex_imm, call_names=call_names, tail=tail))
    for name in at.get(len(insns), ()):
        lines.append(f"{name}:")
    return "\n".join(lines) + "\n"


__all__ = ["NoSyntax", "format_insn", "format_program", "format_raw"]
