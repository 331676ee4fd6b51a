"""The verifier log's register/stack state printer, exactly as Linux 6.18 prints it
(kernel/bpf/log.c: print_reg_state, print_verifier_state, print_insn_state; do_check's printing
in kernel/bpf/verifier.c), and its inverse `parse_state_line` for diffing against kernel logs.

What 6.18 prints, and when (checked against live level-2 logs):

- `print_verifier_state(env, vstate, frameno, print_all)` prints ONE frame (`frameno`, usually
  the current one): ` frameN:` when N > 0, then ` Ri=...` for every register that is not NOT_INIT,
  then ` fp-8k=...` for every stack slot with a byte that is not STACK_INVALID, then
  ` refs=a,b` (the verifier state's reference ids), ` cb` / ` async_cb`, then a newline. With
  print_all false only the registers and slots scratched since the last print are printed (the
  caller tracks them: `regs=` / `slots=` here); `refs`/`cb` are always printed.
- 6.18 prints no liveness marks: no `_w`, `_r`, `_D` (REG_LIVE_* and print_liveness are gone).
- After each instruction (level 1 and 2), if anything was scratched, print_insn_state: when the
  log is still right after the instruction's own line `N: (xx) insn`, that line's newline is
  replaced by padding (`vlog_alignment`) and `;`, then the state: `insn_state_line`; otherwise
  (something was logged in between) it prints a new line `N:` + state (`state_str(insn_idx=N)`).
  At level 1 a popped branch truncates the log back to where push_stack was (pop_log): that
  position is one byte into the jump line's padding when the jump's own state had been
  appended, so the log reads `3: (15) if r1 == 0x5 goto pc+3 7: R0=2 R1=5 R10=fp0`
  (`popped_state_line`); at level 2 nothing is truncated and `from X to Y:` is printed.
  A scratched NOT_INIT register prints nothing, so a line can end in a bare `;` (or be `N:`).
- At level 2, `from X to Y:` / `from X to Y (speculative execution):` + full state of the
  current frame; the state at insn 0 is printed as `0: R1=ctx() R10=fp0` (everything is
  scratched at the start). Other full-state prints: `caller:` / `callee:` / `returning from
  callee:` / `to caller at N:` each followed by a line ` Ri=...` (a leading space, the frame's
  ` frameN:` prefix when N > 0), `mark_precise: frameN: parent state regs=... stack=...: ` +
  state (hence two spaces), `cur state:` / `old state:` + state.

Register text (print_reg_state): a scalar is `P` (precise) then its constant as verbose_snum or
`scalar(id=N[+-off],bounds...,var_off=(v; m))`; a stack pointer with a constant var_off is
`fp-8` / `fp[F]-8` (F = its frame when that differs from the printed frame); PTR_TO_ARENA is
`arena`; every other pointer is the reg_type_str name (+ the BTF type name for PTR_TO_BTF_ID),
then `(id=,ref_obj_id=,non_own_ref,map=,ks=,vs=,off=,r=,sz=,type=,imm=|bounds,var_off=)`.

Stack slot text (types_buf): the slot_type[] chars in index order (`kinds[0..7]`; kinds[0] is
the slot's highest byte, see stack.py), e.g. `0000????` after `*(u32 *)(r10 -4) = 0`; a slot
whose last kind is SPILL prints the chars before the first SPILL byte then the spilled register
(`fp-8=0`, `fp-64=mmmm-1`, `fp-16=ctx()`).
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from ..program import MapDef
from .regs import BPF_ADD_CONST, BPF_ADD_CONST64, NOT_INIT, BtfRef, Reg, RegFlag, RegType
from .scalar import Scalar, Tnum, print_scalar_ranges, snum, unum
from .state import BPF_REG_SIZE, Frame, RefState, SlotKind, StackSlot, State

U64 = (1 << 64) - 1
MAX_BPF_REG = 11

# enum bpf_type_flag bits (RegFlag holds the same bit positions, without the base-type shift)
_MAYBE_NULL = 1 << 0
_MEM_RDONLY = 1 << 1
_MEM_RINGBUF = 1 << 2
_MEM_USER = 1 << 3
_MEM_PERCPU = 1 << 4
_PTR_UNTRUSTED = 1 << 6
_MEM_ALLOC = 1 << 11
_PTR_TRUSTED = 1 << 12
_MEM_RCU = 1 << 13
_NON_OWN_REF = 1 << 14

# reg_type_str's prefixes, in its order
_PREFIXES = (
    ("rdonly_", _MEM_RDONLY), ("ringbuf_", _MEM_RINGBUF), ("user_", _MEM_USER), ("percpu_", _MEM_PERCPU),
    ("rcu_", _MEM_RCU), ("untrusted_", _PTR_UNTRUSTED), ("trusted_", _PTR_TRUSTED),
)

_TYPE_STR = {
    RegType.NOT_INIT: "?", RegType.SCALAR_VALUE: "scalar", RegType.PTR_TO_CTX: "ctx",
    RegType.CONST_PTR_TO_MAP: "map_ptr", RegType.PTR_TO_MAP_VALUE: "map_value",
    RegType.PTR_TO_STACK: "fp", RegType.PTR_TO_PACKET: "pkt", RegType.PTR_TO_PACKET_META: "pkt_meta",
    RegType.PTR_TO_PACKET_END: "pkt_end", RegType.PTR_TO_FLOW_KEYS: "flow_keys",
    RegType.PTR_TO_SOCKET: "sock", RegType.PTR_TO_SOCK_COMMON: "sock_common",
    RegType.PTR_TO_TCP_SOCK: "tcp_sock", RegType.PTR_TO_TP_BUFFER: "tp_buffer",
    RegType.PTR_TO_XDP_SOCK: "xdp_sock", RegType.PTR_TO_BTF_ID: "ptr_", RegType.PTR_TO_MEM: "mem",
    RegType.PTR_TO_ARENA: "arena", RegType.PTR_TO_BUF: "buf", RegType.PTR_TO_FUNC: "func",
    RegType.PTR_TO_MAP_KEY: "map_key", RegType.CONST_PTR_TO_DYNPTR: "dynptr_ptr",
}
_TYPE_BY_NAME = {v: k for k, v in _TYPE_STR.items()}
_MAP_TYPES = (RegType.CONST_PTR_TO_MAP, RegType.PTR_TO_MAP_KEY, RegType.PTR_TO_MAP_VALUE)
_PKT_TYPES = (RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META)

BPF_LOG_ALIGNMENT = 40
BPF_LOG_MIN_ALIGNMENT = 8


# --- printing ----------------------------------------------------------------------------------


def reg_type_str(t: RegType, flags: int = 0) -> str:  # reg_type_str
    flags = int(flags)
    postfix = ""
    if flags & _MAYBE_NULL:
        postfix = "or_null_" if t == RegType.PTR_TO_BTF_ID else "_or_null"
    prefix = "".join(text for text, bit in _PREFIXES if flags & bit)
    return f"{prefix}{_TYPE_STR[t]}{postfix}"


def map_obj_name(name: str) -> str:
    """map->name as the kernel stores it (bpf_obj_name_cpy of the loader's sanitised name)."""
    return "".join(c if c.isalnum() or c in "_." else "_" for c in name)[:15]


def _tnum_strn(t: Tnum) -> str:  # tnum_strn
    if t.mask == 0:
        return unum(t.value)
    return f"({t.value:#x}; {t.mask:#x})"


def reg_str(reg: Reg, *, frameno_of_state: int = 0) -> str:  # print_reg_state
    """One register as the log prints it after `Ri=` (or after a spilled slot's `fp-8=`);
    `frameno_of_state` is the frame being printed (a stack pointer into another frame is
    `fp[F]-8`)."""
    t = reg.type
    v = reg.scalar
    const = v.var_off.mask == 0
    out = "P" if t == RegType.SCALAR_VALUE and reg.precise else ""
    if t == RegType.SCALAR_VALUE and const:
        return out + snum(v.var_off.value)
    out += reg_type_str(t, reg.flags)
    if t == RegType.PTR_TO_ARENA:
        return out
    if t == RegType.PTR_TO_STACK:
        if frameno_of_state != reg.frameno:
            out += f"[{reg.frameno}]"
        if const:
            return out + snum(v.var_off.value + reg.off)
    if t == RegType.PTR_TO_BTF_ID:
        out += reg.btf.name if reg.btf is not None else ""
    items: list[str] = []
    if reg.id:
        items.append(f"id={reg.id & ~BPF_ADD_CONST}")
    if reg.id & BPF_ADD_CONST:  # a linked scalar's constant delta: id=N+4
        items[-1] += f"{reg.off:+d}"
    if reg.ref_obj_id:
        items.append(f"ref_obj_id={reg.ref_obj_id}")
    flags = int(reg.flags)
    if t == RegType.PTR_TO_BTF_ID and flags & _MEM_ALLOC and flags & _NON_OWN_REF:  # type_is_non_owning_ref
        items.append("non_own_ref")
    if t in _MAP_TYPES and reg.map is not None:
        name = map_obj_name(reg.map.name)
        if name:
            items.append(f"map={name}")
        items.append(f"ks={reg.map.key_size},vs={reg.map.value_size}")
    if t != RegType.SCALAR_VALUE and reg.off:
        items.append(f"off={snum(reg.off)}")
    if t in _PKT_TYPES:
        items.append(f"r={unum(reg.range)}")
    if t == RegType.PTR_TO_MEM:
        items.append(f"sz={unum(reg.mem_size)}")
    if const:
        if v.var_off.value:
            items.append(f"imm={snum(v.var_off.value)}")
    else:
        items.extend(print_scalar_ranges(v))
        if v.var_off.mask != U64:  # !tnum_is_unknown
            items.append(f"var_off={_tnum_strn(v.var_off)}")
    return f"{out}({','.join(items)})"


def slot_str(slot: StackSlot, *, frameno_of_state: int = 0) -> str | None:
    """The text after `fp-8k=` for one stack slot, None when the log skips it (all INVALID)."""
    kinds = slot.kinds
    if all(k == SlotKind.INVALID for k in kinds):
        return None
    if kinds[BPF_REG_SIZE - 1] == SlotKind.SPILL:
        prefix = ""
        for k in kinds:
            if k == SlotKind.SPILL:
                break
            prefix += k.char
        return prefix + reg_str(slot.spilled, frameno_of_state=frameno_of_state)
    return "".join(k.char for k in kinds)


def _async_cb(state: State, frameno: int) -> bool:
    return any(k == "async_cb" and (v is True or v == frameno) for k, v in state.extra)


def print_verifier_state(state: State, frameno: int | None = None, *, regs: set[int] | None = None,
                         slots: set[int] | None = None) -> str:  # print_verifier_state
    """The kernel's text for one frame, each item with its leading space, without the newline.
    regs/slots: the scratched registers / stack slots (spi of that frame); None (both) prints
    everything (print_all); if only one is given the other counts as empty."""
    fi = state.curframe if frameno is None else frameno
    fr = state.frames[fi]
    print_all = regs is None and slots is None
    regs = regs or set()
    slots = slots or set()
    out = []
    if fi:
        out.append(f" frame{fi}:")
    for i, r in enumerate(fr.regs[:MAX_BPF_REG]):
        if r.type == RegType.NOT_INIT or not (print_all or i in regs):
            continue
        out.append(f" R{i}={reg_str(r, frameno_of_state=fi)}")
    for spi, slot in enumerate(fr.stack):
        if not (print_all or spi in slots):
            continue
        text = slot_str(slot, frameno_of_state=fi)
        if text is not None:
            out.append(f" fp{-BPF_REG_SIZE * (spi + 1)}={text}")
    if state.refs and state.refs[0].id:
        out.append(" refs=" + ",".join(str(r.id) for r in state.refs if r.id))
    if fr.in_callback:
        out.append(" cb")
    if _async_cb(state, fi):
        out.append(" async_cb")
    return "".join(out)


def state_str(state: State, *, regs: set[int] | None = None, slots: set[int] | None = None,
              insn_idx: int | None = None, written: set | None = None, all_regs: bool = True,
              frameno: int | None = None) -> str:
    """The state items as the log prints them, joined by single spaces, no leading space:
    `R0=1 R1=ctx() R10=fp0 fp-8=mmmmmmmm refs=2` (`frame1: R1=...` in a subprogram).

    - regs/slots: the scratched registers / stack slots (print_insn_state); both None and
      `all_regs` prints the full state (from X to Y:, the state at insn 0, caller:, ...);
      `all_regs=False` with neither given prints only refs/cb.
    - insn_idx: return print_insn_state's own-line form `N: R1=ctx() R10=fp0` (or `N:`).
    - written: accepted for compatibility and ignored: 6.18 prints no liveness (`_w`) marks.
    - frameno: the frame to print (default: the current one); the kernel prints one frame.
    """
    del written
    if not all_regs and regs is None and slots is None:
        regs = set()
    body = print_verifier_state(state, frameno, regs=regs, slots=slots)
    if insn_idx is not None:
        return f"{insn_idx}:{body}"
    return body[1:]


def vlog_alignment(pos: int) -> int:  # vlog_alignment (log.c)
    """The width print_insn_state pads to after an instruction line `pos` bytes long (its
    newline included)."""
    r = max(pos + BPF_LOG_MIN_ALIGNMENT // 2, BPF_LOG_ALIGNMENT)
    return -(-r // BPF_LOG_MIN_ALIGNMENT) * BPF_LOG_MIN_ALIGNMENT - pos - 1


def insn_state_line(insn_line: str, state: State | str, *, regs: set[int] | None = None,
                    slots: set[int] | None = None, frameno: int | None = None) -> str:
    """`N: (xx) insn` followed by its state as print_insn_state appends it:
    `0: (bf) r6 = r1                       ; R1=ctx() R6=ctx()`. `state` may be a State (printed
    with regs/slots) or the already printed items (no leading space)."""
    if isinstance(state, State):
        body = print_verifier_state(state, frameno, regs=regs, slots=slots)
    else:
        body = f" {state}" if state else ""
    return f"{insn_line}{' ' * vlog_alignment(len(insn_line) + 1)};{body}"


def popped_state_line(jump_line: str, state: State, insn_idx: int) -> str:
    """Level 1 only: the log line after popping a branch pushed by `jump_line` (an instruction
    line whose own state was appended after the push): the jump's text, one byte of padding,
    then print_insn_state's `N:` form with the full state."""
    return f"{jump_line} {state_str(state, insn_idx=insn_idx)}"


# --- parsing -----------------------------------------------------------------------------------

_INSN_STATE = re.compile(r"^(\d+): (\([0-9a-f]{2}\) .*?) +;(.*)$")
_OWN_LINE = re.compile(r"^(\d+):((?: \S.*)?)$")
_FROM_TO = re.compile(r"^from (\d+) to (\d+)( \(speculative execution\))?:(.*)$")
_PARENT = re.compile(r"^(mark_precise: frame\d+: parent state regs=\S* stack=\S*: )(.*)$")
_CUR_OLD = re.compile(r"^((?:cur|old) state:)(.*)$")
_POPPED = re.compile(r"^(\d+: \([0-9a-f]{2}\) .*? )(\d+):((?: (?:frame\d+:|R\d+=|fp-\d+=|refs=).*)?)$")
_BARE = re.compile(r"^ (?:frame\d+:|R\d+=|fp-\d+=|refs=)")
_WHOLE = re.compile(r"^( (?:frame\d+:|R\d+=|fp-\d+=|refs=).*)$")
# (pattern, group holding the state with its leading space), tried in order
_STATE_LINES = ((_INSN_STATE, 3), (_FROM_TO, 4), (_PARENT, 2), (_CUR_OLD, 2), (_OWN_LINE, 2), (_WHOLE, 1),
                (_POPPED, 3))


def split_state_line(line: str) -> tuple[str, str] | None:
    """(prefix, items) of a log line that carries a printed state, else None: `items` is what
    `state_str` returns (no leading space) and `line == prefix + (" " + items if items else "")`
    (for `N: (xx) insn<pad>;` lines the prefix keeps the padding and `;`)."""
    line = line.rstrip("\n")
    body: str | None = None
    for pattern, group in _STATE_LINES:
        m = pattern.match(line)
        if m and (body := m.group(group)) is not None and _state_body(pattern, body):
            break
        body = None
    if body is None or (body and not body.startswith(" ")):
        return None
    return line[: len(line) - len(body)], body[1:]


def _state_body(pattern: re.Pattern[str], body: str) -> bool:
    if pattern is _FROM_TO:
        return body != " safe"
    if pattern is _OWN_LINE:
        return not body or bool(_BARE.match(body))
    return True


def split_insn_state_line(line: str) -> tuple[str, str] | None:
    """(`N: (xx) insn`, items) of an instruction line with its state appended, else None;
    `insn_state_line(*split_insn_state_line(line)) == line`."""
    m = _INSN_STATE.match(line.rstrip("\n"))
    if m is None or (m.group(3) and not m.group(3).startswith(" ")):
        return None
    return f"{m.group(1)}: {m.group(2)}", m.group(3)[1:]


def iter_state_lines(log: str) -> Iterator[tuple[int, str, str]]:
    """(line number from 0, prefix, items) for every log line that carries a state."""
    for n, line in enumerate(log.splitlines()):
        hit = split_state_line(line)
        if hit is not None:
            yield n, hit[0], hit[1]


def _split_top(text: str, sep: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == sep and depth == 0:
            out.append(text[start:i])
            start = i + 1
    out.append(text[start:])
    return [x for x in out if x]


_NUM = re.compile(r"^-?(?:0x[0-9a-f]+|[0-9]+)$")
_BOUND_NAMES = ("smin", "smax", "umin", "umax", "smin32", "smax32", "umin32", "umax32")


def _num(text: str) -> int:
    return int(text, 0)


def parse_reg(text: str, *, frameno_of_state: int = 0) -> Reg:
    """The inverse of `reg_str` (enough to print the same text back)."""
    precise = text.startswith("P")
    if precise:
        text = text[1:]
    if _NUM.match(text):
        return Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(_num(text)), precise=precise)
    if text == "arena":
        return Reg(type=RegType.PTR_TO_ARENA)
    paren = text.find("(")
    head, body = (text, None) if paren < 0 else (text[:paren], text[paren + 1:-1])
    if paren >= 0 and not text.endswith(")"):
        raise ValueError(f"bad register text {text!r}")
    if head == "scalar":
        return _parse_body(Reg(type=RegType.SCALAR_VALUE, precise=precise), body or "")
    if head.startswith("fp"):
        rest = head[2:]
        frameno = frameno_of_state
        m = re.match(r"^\[(\d+)\]", rest)
        if m:
            frameno = int(m.group(1))
            rest = rest[m.end():]
        reg = Reg(type=RegType.PTR_TO_STACK, frameno=frameno, scalar=Scalar.const(0))
        if body is None:
            if not _NUM.match(rest):
                raise ValueError(f"bad stack pointer {text!r}")
            return replace(reg, off=_num(rest))
        return _parse_body(reg, body)
    flags = 0
    for prefix, bit in _PREFIXES:
        if head.startswith(prefix):
            flags |= bit
            head = head[len(prefix):]
    btf = None
    if head.startswith("ptr_"):
        t = RegType.PTR_TO_BTF_ID
        name = head[4:]
        if name.startswith("or_null_"):
            flags |= _MAYBE_NULL
            name = name[len("or_null_"):]
        btf = BtfRef(0, name)
    else:
        if head.endswith("_or_null"):
            flags |= _MAYBE_NULL
            head = head[: -len("_or_null")]
        if head not in _TYPE_BY_NAME:
            raise ValueError(f"unknown register type in {text!r}")
        t = _TYPE_BY_NAME[head]
    if body is None:
        raise ValueError(f"bad register text {text!r}")
    reg = Reg(type=t, flags=RegFlag(flags), btf=btf, scalar=Scalar.const(0), precise=precise)
    return _parse_body(reg, body)


def _parse_body(reg: Reg, body: str) -> Reg:
    ch: dict[str, object] = {}
    bounds: list[str] = []
    ks = vs = None
    map_name = ""
    flags = int(reg.flags)
    for item in _split_top(body, ","):
        key, _, val = item.partition("=")
        if key == "id":
            m = re.match(r"^(\d+)([+-]\d+)?$", val)
            if not m:
                raise ValueError(f"bad id {item!r}")
            ch["id"] = int(m.group(1))
            if m.group(2) is not None:
                ch["id"] = int(m.group(1)) | BPF_ADD_CONST64
                ch["off"] = int(m.group(2))
        elif key == "ref_obj_id":
            ch["ref_obj_id"] = int(val)
        elif item == "non_own_ref":
            flags |= _MEM_ALLOC | _NON_OWN_REF
        elif key == "map":
            map_name = val
        elif key == "ks":
            ks = int(val)
        elif key == "vs":
            vs = int(val)
        elif key == "off":
            ch["off"] = _num(val)
        elif key == "r":  # an int printed as u64: BEYOND_PKT_END etc. come back negative
            r = _num(val) & U64
            ch["range"] = r - (1 << 64) if r >> 63 else r
        elif key == "sz":
            ch["mem_size"] = _num(val)
        elif key == "imm":
            ch["scalar"] = Scalar.const(_num(val))
        elif key in _BOUND_NAMES or key == "var_off":
            bounds.append(item)
        else:
            raise ValueError(f"unsupported register field {item!r}")
    if ks is not None or vs is not None:
        ch["map"] = MapDef(name=map_name, key_size=ks or 0, value_size=vs or 0)
    if bounds or reg.type == RegType.SCALAR_VALUE:
        ch["scalar"] = Scalar.parse("scalar(" + ",".join(bounds) + ")")
    if flags != int(reg.flags):
        ch["flags"] = RegFlag(flags)
    return replace(reg, **ch)  # type: ignore[arg-type]


_KIND_BY_CHAR = {k.char: k for k in SlotKind}


def parse_slot(text: str, *, frameno_of_state: int = 0) -> StackSlot:
    """The inverse of `slot_str`."""
    if len(text) == BPF_REG_SIZE and all(c in _KIND_BY_CHAR for c in text) and text[-1] != "r":
        return StackSlot(tuple(_KIND_BY_CHAR[c] for c in text))
    k = 0
    while k < len(text) and text[k] in "?m0":
        k += 1
    # the register starts after the longest run of kind chars that leaves a valid register text
    # (`mmmmmmm6`, `0000` + `0`, `mmm` + `map_value(...)`, `` + `0x1234567890`)
    for j in range(min(k, BPF_REG_SIZE - 1), -1, -1):
        try:
            reg = parse_reg(text[j:], frameno_of_state=frameno_of_state)
        except ValueError:
            continue
        if reg_str(reg, frameno_of_state=frameno_of_state) != text[j:]:
            continue
        kinds = tuple(_KIND_BY_CHAR[c] for c in text[:j]) + (SlotKind.SPILL,) * (BPF_REG_SIZE - j)
        return StackSlot(kinds, reg)
    raise ValueError(f"bad stack slot {text!r}")


def parse_state_line(text: str) -> State:
    """A State holding what a log line prints: give the items (`R1=ctx() R10=fp0 fp-8=0`) or a
    whole log line carrying a state (`N: (xx) insn ; ...`, `N: ...`, `from X to Y: ...`,
    `mark_precise: ... parent state ...: ...`, ` frame1: ...`). The printed frame is the last
    of `frames` (outer frames are empty); printing the result with `state_str` gives `items`
    back. async_cb is kept as ("async_cb", frameno) in State.extra."""
    hit = split_state_line(text)
    if hit is not None:
        text = hit[1]
    text = text.strip()
    items = _split_top(text, " ")
    frameno = 0
    if items and re.match(r"^frame\d+:$", items[0]):
        frameno = int(items[0][5:-1])
        items = items[1:]
    regs = [NOT_INIT] * MAX_BPF_REG
    stack: list[StackSlot] = []
    refs: tuple[RefState, ...] = ()
    cb = False
    extra: tuple[tuple[str, object], ...] = ()
    for item in items:
        m = re.match(r"^R(\d+)=(.+)$", item)
        if m:
            regs[int(m.group(1))] = parse_reg(m.group(2), frameno_of_state=frameno)
            continue
        m = re.match(r"^fp-(\d+)=(.+)$", item)
        if m:
            off = int(m.group(1))
            if off % BPF_REG_SIZE or not off:
                raise ValueError(f"bad stack slot {item!r}")
            spi = off // BPF_REG_SIZE - 1
            while len(stack) <= spi:
                stack.append(StackSlot())
            stack[spi] = parse_slot(m.group(2), frameno_of_state=frameno)
            continue
        if item.startswith("refs="):
            refs = tuple(RefState(int(x), 0) for x in item[5:].split(","))
        elif item == "cb":
            cb = True
        elif item == "async_cb":
            extra = (("async_cb", frameno),)
        else:
            raise ValueError(f"unsupported state item {item!r}")
    outer = tuple(Frame(regs=(NOT_INIT,) * MAX_BPF_REG, frameno=i) for i in range(frameno))
    frame = Frame(regs=tuple(regs), stack=tuple(stack), frameno=frameno, in_callback=cb)
    return State(frames=(*outer, frame), refs=refs, extra=extra)
