"""A concrete BPF interpreter: runs a Program on given inputs and reports the first runtime fault.

The verifier is an abstract interpreter; this is the concrete one it over-approximates. It runs
the whole ISA (ALU/ALU64 including sdiv/smod/movsx/bswap, JMP/JMP32, loads and stores of every
size, sign-extending loads, atomics, ld_imm64, bpf-to-bpf calls with frames, exit) over a memory
of *regions*: a 512-byte stack per call depth, the packet bytes (data .. data_end), the ctx
struct (xdp_md / __sk_buff), map values, and the objects the CT kfuncs (and socket lookups) hand
out. A pointer is a `Ptr(region, off)` pair; every access is checked against its region. The
environment (packet, ctx fields, prandom values, which lookups return NULL, ...) is an `Inputs`
value, so a run is a pure function of (program, inputs).

Faults detected, each reported with the instruction index (`ErrorKind`): reference leak at
exit (and at a tail call that succeeds or an LD_ABS that aborts), use after release, double
release, NULL dereference, out-of-bounds access, and a non-object passed where a kfunc wants an
acquired object. Pointer arithmetic that moves a pointer out of its region is not a fault
at run time (nothing is accessed yet), but it is what the verifier's "pointer arithmetic out of
range" rejections stand for: each such add/sub is recorded in `Execution.escapes`.

Runtime behaviour of the CT kfuncs follows net/netfilter/nf_conntrack_bpf.c (6.18) as observed
in kernel_semantics.md §2.4: lookup/alloc validate their arguments (opts__sz 12 or 16, tuple__sz
12 or 36, l4proto TCP/UDP, netns_id -1, reserved bytes zero) and return NULL with opts->error
set when they are invalid; otherwise `inputs.lookups[i]` decides whether the i-th acquiring call
finds (or allocates) an object. `bpf_ct_release(NULL)` is a no-op, as in the kernel.

The address layout (`layout` below) is shared with witness/symbolic.py, so a pointer has the
same numeric value in both, and pointer comparisons agree.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum, StrEnum
from typing import Any, Literal, NamedTuple

from ..isa import names
from ..isa.insn import Alu, Imm64Tail, Insn, Jmp, LegacyLoad, Load, LoadImm64, Store, StoreImm
from ..isa.opcodes import (
    PSEUDO_FUNC,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_IDX,
    PSEUDO_MAP_IDX_VALUE,
    PSEUDO_MAP_VALUE,
    AluOp,
    AtomicOp,
    JmpOp,
    Mode,
    ProgType,
    Src,
)
from ..model.ctx import SK_BUFF, SK_BUFF_SIZE, XDP_MD, XDP_MD_SIZE
from ..program import MapDef, Program

M64 = (1 << 64) - 1
M32 = (1 << 32) - 1

# --- address layout, shared with the symbolic encoding ------------------------------------------
# Regions sit 4 GiB apart so that an out-of-bounds offset never lands in another region. Bases
# have kernel-like low bits (8-byte aligned, not page aligned) so that byte games on pointers
# (partial overwrites, 32-bit truncation) change them as they would in the kernel.
NULL_LIMIT = 0x10000  # accesses below this address are NULL dereferences
REGION_GAP = 1 << 32
AREA = 0x1000_0000_0000  # size of each area below
CTX_BASE = 0x1000_0000_5A40
PKT_BASE = 0x2000_0000_0100  # data; the packet ends before the next 4 GiB boundary
STACK_BASE = 0x3000_0000_3C60  # call depth k: [STACK_BASE + k*GAP, +512), fp at the end
HASH_BASE = 0x4000_0000_6B10  # value returned by the n-th hash-map lookup
OBJ_BASE = 0x5000_0000_8A80  # the n-th acquired object
MAP_PTR_BASE = 0x6000_0000_1E00  # `struct bpf_map *` of program map m
FUNC_BASE = 0x7000_0000_0000  # PSEUDO_FUNC: FUNC_BASE + insn index
ARRAY_BASE = 1 << 56  # array map m, element k: ARRAY_BASE*(m+1) + ARRAY_ELEM_OFF + k*ARRAY_STRIDE
ARRAY_ELEM_OFF = 0xD0
ARRAY_STRIDE = 1 << 20
STACK_SIZE = 512
MAX_CALL_DEPTH = 8  # frames, main included (MAX_CALL_FRAMES)
PKT_MAX = 4096  # largest packet a witness may use
OBJ_SIZES = {"nf_conn": 248, "nf_conn___init": 248, "sock": 80}
BPF_MAX_LOOPS = 1 << 23

ARRAY_MAP_TYPES = frozenset({2, 6})  # BPF_MAP_TYPE_ARRAY, PERCPU_ARRAY
PROG_ARRAY = 3

# errno values written by the CT kfuncs (opts->error) and returned by helpers
EINVAL, ENOENT, EPROTO, ENONET, EAFNOSUPPORT, EFAULT, E2BIG = 22, 2, 71, 64, 97, 14, 7
IPPROTO_TCP, IPPROTO_UDP = 6, 17


def stack_base(depth: int) -> int:
    return STACK_BASE + depth * REGION_GAP


def obj_base(n: int) -> int:
    return OBJ_BASE + n * REGION_GAP


def hash_value_base(n: int) -> int:
    return HASH_BASE + n * REGION_GAP


def array_base(map_index: int) -> int:
    return ARRAY_BASE * (map_index + 1) + ARRAY_ELEM_OFF


def array_elem_base(map_index: int, key: int) -> int:
    return array_base(map_index) + key * ARRAY_STRIDE


def map_ptr(map_index: int) -> int:
    return MAP_PTR_BASE + map_index * REGION_GAP


def ctx_size(prog_type: int) -> int:
    return XDP_MD_SIZE if prog_type == ProgType.XDP else SK_BUFF_SIZE


def ctx_pointer_fields(prog_type: int) -> dict[int, str]:
    """ctx offset -> 'data' | 'data_end' | 'data_meta' | 'sk': loads the kernel rewrites into
    pointers (convert_ctx_access); every other field is plain bytes of the ctx region."""
    if prog_type == ProgType.XDP:
        return {XDP_MD["data"]: "data", XDP_MD["data_end"]: "data_end", XDP_MD["data_meta"]: "data_meta"}
    return {SK_BUFF["data"][0]: "data", SK_BUFF["data_end"][0]: "data_end",
            SK_BUFF["data_meta"][0]: "data_meta", SK_BUFF["sk"][0]: "sk"}


def ctx_fields(prog_type: int) -> dict[str, tuple[int, int]]:
    """Scalar ctx fields: name -> (offset, size)."""
    if prog_type == ProgType.XDP:
        return {k: (v, 4) for k, v in XDP_MD.items() if k not in ("data", "data_end", "data_meta")}
    return {k: v for k, v in SK_BUFF.items() if k not in ("data", "data_end", "data_meta", "sk", "flow_keys")}


def region_name_of(addr: int, maps: tuple[MapDef, ...]) -> tuple[str, int] | None:
    """The (region name, offset) an address falls in by the layout, without bounds: used to turn a
    symbolic model's memory into `Inputs.memory`."""
    if addr >= ARRAY_BASE:
        m = addr // ARRAY_BASE - 1
        rel = addr - array_base(m)
        if 0 <= m < len(maps) and rel >= 0:
            return f"map:{maps[m].name}[{rel // ARRAY_STRIDE}]", rel % ARRAY_STRIDE
        return None
    for base, name in ((STACK_BASE, "stack"), (HASH_BASE, "hash"), (OBJ_BASE, "obj")):
        if base <= addr < base - base % AREA + AREA:
            n, off = divmod(addr - base, REGION_GAP)
            return f"{name}{n}", off
    if CTX_BASE <= addr < CTX_BASE + REGION_GAP:
        return "ctx", addr - CTX_BASE
    if PKT_BASE <= addr < PKT_BASE + REGION_GAP:
        return "packet", addr - PKT_BASE
    return None


# --- call tables: runtime behaviour, one row per helper/kfunc ----------------------------------


class CallKind(Enum):
    CT_ACQUIRE = "ct_acquire"  # bpf_{xdp,skb}_ct_{lookup,alloc}
    SK_ACQUIRE = "sk_acquire"  # bpf_sk_lookup_{tcp,udp}, bpf_skc_lookup_tcp
    RELEASE = "release"  # bpf_ct_release, bpf_sk_release
    INSERT = "insert"  # bpf_ct_insert_entry: release nf_conn___init, acquire nf_conn
    OBJECT_OP = "object_op"  # kfuncs taking a trusted object (set_timeout, change_status, ...)
    MAP_LOOKUP = "map_lookup"
    MAP_UPDATE = "map_update"
    MAP_DELETE = "map_delete"
    PRANDOM = "prandom"
    TAIL_CALL = "tail_call"
    LOAD_BYTES = "load_bytes"  # bpf_xdp_load_bytes, bpf_skb_load_bytes
    LOOP = "loop"  # bpf_loop
    SCALAR = "scalar"  # returns an input scalar, no memory effect
    UNSUPPORTED = "unsupported"


@dataclass(frozen=True, slots=True)
class CallSpec:
    kind: CallKind
    obj: str = ""  # object type produced (acquire) or expected (release / object op)
    returns: bool = True  # object ops: void kfuncs leave r0 alone
    null_ok: bool = False  # release of NULL is a no-op at runtime


CALLS: dict[str, CallSpec] = {
    "bpf_xdp_ct_lookup": CallSpec(CallKind.CT_ACQUIRE, "nf_conn"),
    "bpf_skb_ct_lookup": CallSpec(CallKind.CT_ACQUIRE, "nf_conn"),
    "bpf_xdp_ct_alloc": CallSpec(CallKind.CT_ACQUIRE, "nf_conn___init"),
    "bpf_skb_ct_alloc": CallSpec(CallKind.CT_ACQUIRE, "nf_conn___init"),
    "bpf_ct_insert_entry": CallSpec(CallKind.INSERT, "nf_conn___init"),
    "bpf_ct_release": CallSpec(CallKind.RELEASE, "nf_conn", null_ok=True),
    "bpf_ct_set_timeout": CallSpec(CallKind.OBJECT_OP, "nf_conn___init", returns=False),
    "bpf_ct_change_timeout": CallSpec(CallKind.OBJECT_OP, "nf_conn"),
    "bpf_ct_set_status": CallSpec(CallKind.OBJECT_OP, "nf_conn___init"),
    "bpf_ct_change_status": CallSpec(CallKind.OBJECT_OP, "nf_conn"),
    "bpf_ct_set_nat_info": CallSpec(CallKind.OBJECT_OP, "nf_conn___init"),
    "bpf_sk_lookup_tcp": CallSpec(CallKind.SK_ACQUIRE, "sock"),
    "bpf_sk_lookup_udp": CallSpec(CallKind.SK_ACQUIRE, "sock"),
    "bpf_skc_lookup_tcp": CallSpec(CallKind.SK_ACQUIRE, "sock"),
    "bpf_sk_release": CallSpec(CallKind.RELEASE, "sock", null_ok=True),
    "bpf_map_lookup_elem": CallSpec(CallKind.MAP_LOOKUP),
    "bpf_map_update_elem": CallSpec(CallKind.MAP_UPDATE),
    "bpf_map_delete_elem": CallSpec(CallKind.MAP_DELETE),
    "bpf_get_prandom_u32": CallSpec(CallKind.PRANDOM),
    "bpf_tail_call": CallSpec(CallKind.TAIL_CALL),
    "bpf_xdp_load_bytes": CallSpec(CallKind.LOAD_BYTES),
    "bpf_skb_load_bytes": CallSpec(CallKind.LOAD_BYTES),
    "bpf_loop": CallSpec(CallKind.LOOP),
    # helpers that change the packet layout are not modelled
    "bpf_xdp_adjust_head": CallSpec(CallKind.UNSUPPORTED),
    "bpf_xdp_adjust_tail": CallSpec(CallKind.UNSUPPORTED),
    "bpf_xdp_adjust_meta": CallSpec(CallKind.UNSUPPORTED),
    "bpf_skb_pull_data": CallSpec(CallKind.UNSUPPORTED),
    "bpf_skb_change_head": CallSpec(CallKind.UNSUPPORTED),
    "bpf_skb_change_tail": CallSpec(CallKind.UNSUPPORTED),
    "bpf_skb_adjust_room": CallSpec(CallKind.UNSUPPORTED),
    "bpf_for_each_map_elem": CallSpec(CallKind.UNSUPPORTED),
}


def call_name(insn: Jmp) -> str:
    """The helper/kfunc name of a call instruction ('' when unknown)."""
    if insn.sym:
        return insn.sym
    if insn.is_kfunc_call:
        return names.kfunc_name(insn.imm) or ""
    return names.helper_name(insn.imm) or ""


def call_spec(name: str, *, kfunc: bool) -> CallSpec:
    """Unknown helpers return an input scalar; unknown kfuncs are unsupported."""
    spec = CALLS.get(name)
    if spec is not None:
        return spec
    return CallSpec(CallKind.UNSUPPORTED) if kfunc else CallSpec(CallKind.SCALAR)


# --- faults ----------------------------------------------------------------------------------


class ErrorKind(StrEnum):
    LEAK = "leak"
    NULL_DEREF = "null_deref"
    USE_AFTER_RELEASE = "use_after_release"
    DOUBLE_RELEASE = "double_release"
    OUT_OF_BOUNDS = "out_of_bounds"
    BAD_OBJECT = "bad_object"  # a non-object (or wrong object type) passed as a kfunc object


@dataclass(frozen=True, slots=True)
class ConcreteError:
    kind: ErrorKind
    insn: int
    message: str

    def as_dict(self) -> dict[str, Any]:
        return {"kind": self.kind.value, "insn": self.insn, "message": self.message}


class Unsupported(Exception):
    """The program does something the interpreter does not model."""


class _Fault(Exception):
    def __init__(self, kind: ErrorKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


class _Abort(Exception):
    """The program ends without `exit` (successful tail call, LD_ABS out of bounds)."""

    def __init__(self, r0: int) -> None:
        super().__init__()
        self.r0 = r0


# --- inputs ----------------------------------------------------------------------------------


@dataclass
class Inputs:
    """Everything the environment decides. Lists are consumed in execution order; when a list
    runs out the default is used (0, False = NULL / failure / not taken)."""

    packet: bytes = b""
    ctx: dict[str, int] = field(default_factory=dict)  # scalar ctx fields by name
    prandom: list[int] = field(default_factory=list)  # bpf_get_prandom_u32 results
    lookups: list[bool] = field(default_factory=list)  # acquiring calls: True = object returned
    map_lookups: list[bool] = field(default_factory=list)  # hash-map lookups: True = value returned
    helper_results: list[int] = field(default_factory=list)  # r0 of other helpers / int kfuncs
    tail_calls: list[bool] = field(default_factory=list)  # True = the tail call jumps away
    may_goto: list[bool] = field(default_factory=list)  # True = may_goto jumps (budget spent)
    memory: dict[str, dict[int, int]] = field(default_factory=dict)  # initial bytes: region -> off -> byte

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"packet": self.packet.hex(), "packet_len": len(self.packet)}
        for key in ("ctx", "prandom", "lookups", "map_lookups", "helper_results", "tail_calls", "may_goto"):
            value = getattr(self, key)
            if value:
                out[key] = value
        if self.memory:
            out["memory"] = {r: {str(o): b for o, b in sorted(m.items())} for r, m in sorted(self.memory.items())}
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Inputs:
        mem = {r: {int(o): int(b) for o, b in m.items()} for r, m in d.get("memory", {}).items()}
        return cls(
            packet=bytes.fromhex(d.get("packet", "")),
            ctx={k: int(v) for k, v in d.get("ctx", {}).items()},
            prandom=[int(v) for v in d.get("prandom", [])],
            lookups=[bool(v) for v in d.get("lookups", [])],
            map_lookups=[bool(v) for v in d.get("map_lookups", [])],
            helper_results=[int(v) for v in d.get("helper_results", [])],
            tail_calls=[bool(v) for v in d.get("tail_calls", [])],
            may_goto=[bool(v) for v in d.get("may_goto", [])],
            memory=mem,
        )


# --- values and memory -----------------------------------------------------------------------


@dataclass
class Region:
    name: str
    kind: Literal["stack", "ctx", "packet", "map_value", "object"]
    base: int
    data: bytearray
    obj_type: str = ""  # objects: nf_conn | nf_conn___init | sock
    live: bool = True  # objects: False once released (or freed by a failed insert)
    acquired_at: int = -1
    released_at: int = -1

    @property
    def size(self) -> int:
        return len(self.data)


class Ptr(NamedTuple):
    """A pointer: region name and byte offset. Its numeric value is base + off."""

    region: str
    off: int


Value = int | Ptr


@dataclass
class _Frame:
    return_pc: int
    saved: list[Value]  # r6..r9 of the caller
    saved_fp: Value
    # bpf_loop callback frames: (callback insn, iteration, nr_loops, ctx value, call insn)
    loop: tuple[int, int, int, Value, int] | None = None


@dataclass
class Execution:
    """How a run ended. `branches` lists every conditional jump taken or not, in order;
    `escapes` every 64-bit add/sub that moved a pointer out of its region (OUT_OF_BOUNDS at the
    ALU instruction; the run goes on, only an access through it faults)."""

    outcome: Literal["exit", "error", "step_limit"]
    r0: int | None = None
    error: ConcreteError | None = None
    branches: list[tuple[int, str]] = field(default_factory=list)
    steps: int = 0
    last_pc: int = 0
    escapes: list[ConcreteError] = field(default_factory=list)

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outcome": self.outcome, "r0": self.r0, "steps": self.steps,
                               "error": self.error.as_dict() if self.error else None}
        if self.escapes:
            out["escapes"] = [e.as_dict() for e in self.escapes]
        return out


def sext(value: int, bits: int) -> int:
    value &= (1 << bits) - 1
    return value - (1 << bits) if value >> (bits - 1) else value


def bswap(value: int, bits: int) -> int:
    return int.from_bytes((value & ((1 << bits) - 1)).to_bytes(bits // 8, "little"), "big")


def alu_value(op: AluOp, a: int, b: int, bits: int, *, signed: bool = False, movsx: int = 0) -> int:
    """One ALU operation on `bits`-wide unsigned operands (BPF semantics, kernel/bpf/core.c):
    division by zero gives 0, modulo by zero leaves dst, shift counts are masked."""
    mask = (1 << bits) - 1
    if op == AluOp.ADD:
        r = a + b
    elif op == AluOp.SUB:
        r = a - b
    elif op == AluOp.MUL:
        r = a * b
    elif op == AluOp.DIV:
        if b == 0:
            r = 0
        elif signed:
            sa, sb = sext(a, bits), sext(b, bits)
            q = abs(sa) // abs(sb)
            r = q if (sa < 0) == (sb < 0) else -q
        else:
            r = a // b
    elif op == AluOp.MOD:
        if b == 0:
            r = a
        elif signed:
            sa, sb = sext(a, bits), sext(b, bits)
            rem = abs(sa) % abs(sb)
            r = -rem if sa < 0 else rem
        else:
            r = a % b
    elif op == AluOp.OR:
        r = a | b
    elif op == AluOp.AND:
        r = a & b
    elif op == AluOp.XOR:
        r = a ^ b
    elif op == AluOp.LSH:
        r = a << (b & (bits - 1))
    elif op == AluOp.RSH:
        r = a >> (b & (bits - 1))
    elif op == AluOp.ARSH:
        r = sext(a, bits) >> (b & (bits - 1))
    elif op == AluOp.NEG:
        r = -a
    elif op == AluOp.MOV:
        r = sext(b, movsx) if movsx else b
    else:
        raise Unsupported(f"ALU op {op!r}")
    return r & mask


def jmp_taken(op: JmpOp, a: int, b: int, bits: int) -> bool:
    """A conditional jump's outcome on `bits`-wide unsigned operands."""
    if op == JmpOp.JEQ:
        return a == b
    if op == JmpOp.JNE:
        return a != b
    if op == JmpOp.JGT:
        return a > b
    if op == JmpOp.JGE:
        return a >= b
    if op == JmpOp.JLT:
        return a < b
    if op == JmpOp.JLE:
        return a <= b
    if op == JmpOp.JSET:
        return (a & b) != 0
    sa, sb = sext(a, bits), sext(b, bits)
    if op == JmpOp.JSGT:
        return sa > sb
    if op == JmpOp.JSGE:
        return sa >= sb
    if op == JmpOp.JSLT:
        return sa < sb
    if op == JmpOp.JSLE:
        return sa <= sb
    raise Unsupported(f"jump op {op!r}")


def atomic_value(op: int, old: int, operand: int, mask: int) -> int:
    base = op & ~AtomicOp.FETCH
    if base == AtomicOp.ADD:
        return (old + operand) & mask
    if base == AtomicOp.OR:
        return old | operand
    if base == AtomicOp.AND:
        return old & operand
    if base == AtomicOp.XOR:
        return old ^ operand
    raise Unsupported(f"atomic op {op:#x}")


LOAD_ACQ, STORE_REL = 0x100, 0x110  # BPF_LOAD_ACQ / BPF_STORE_REL (cpu v4 atomics)


class Machine:
    """The interpreter state for one run. Use `run()` rather than driving this directly."""

    def __init__(self, program: Program, inputs: Inputs) -> None:
        self.program = program
        self.inputs = inputs
        self.regions: dict[str, Region] = {}
        self.shadow: dict[tuple[str, int], Ptr] = {}  # 8-byte slots holding a stored pointer
        self.regs: list[Value] = [0] * 11
        self.frames: list[_Frame] = []
        self.counters: dict[str, int] = {}
        self.pc = 0
        self.branches: list[tuple[int, str]] = []
        self.escapes: list[ConcreteError] = []
        prog_type = int(program.prog_type)
        self.ctx_ptr_fields = ctx_pointer_fields(prog_type)
        self.pkt = self._add_region("packet", "packet", PKT_BASE, bytearray(inputs.packet))
        self.ctx = self._add_region("ctx", "ctx", CTX_BASE, bytearray(ctx_size(prog_type)))
        for fname, (off, size) in ctx_fields(prog_type).items():
            value = inputs.ctx.get(fname, 0)
            if fname == "len" and prog_type != ProgType.XDP:
                value = len(inputs.packet)  # skb->len: the (linear) packet here
            self.ctx.data[off:off + size] = (value & ((1 << (8 * size)) - 1)).to_bytes(size, "little")
        self._init_bytes(self.ctx)
        self.regs[1] = Ptr("ctx", 0)
        self.regs[10] = Ptr(self._stack(0).name, STACK_SIZE)

    # -- regions --

    def _add_region(self, name: str, kind: Any, base: int, data: bytearray, **kw: Any) -> Region:
        region = Region(name, kind, base, data, **kw)
        self.regions[name] = region
        return region

    def _init_bytes(self, region: Region) -> None:
        for off, byte in self.inputs.memory.get(region.name, {}).items():
            if 0 <= off < region.size:
                region.data[off] = byte & 0xFF

    def _stack(self, depth: int) -> Region:
        name = f"stack{depth}"
        if name not in self.regions:
            self._init_bytes(self._add_region(name, "stack", stack_base(depth), bytearray(STACK_SIZE)))
        return self.regions[name]

    def _next(self, counter: str) -> int:
        n = self.counters.get(counter, 0)
        self.counters[counter] = n + 1
        return n

    def _input(self, key: str, default: Any) -> Any:
        values = getattr(self.inputs, key)
        n = self._next(key)
        return values[n] if n < len(values) else default

    def addr(self, v: Value) -> int:
        if isinstance(v, Ptr):
            return (self.regions[v.region].base + v.off) & M64
        return v & M64

    def resolve(self, v: Value) -> tuple[Region | None, int]:
        """The region a value points into: a Ptr's own region, else by address (layout)."""
        if isinstance(v, Ptr):
            return self.regions[v.region], v.off
        a = v & M64
        hit = region_name_of(a, self.program.maps)
        if hit is not None and hit[0] in self.regions:
            region = self.regions[hit[0]]
            return region, a - region.base
        return None, 0

    def note_escape(self, pc: int, before: list[Value], after: Value) -> None:
        """Record pointer arithmetic that leaves the region an operand pointed into ([0, size]:
        one past the end is still inside), as witness/symbolic.py's pointer_escape encodes it.
        ctx is left out (the verifier forbids ctx arithmetic outright), as are released objects
        and the stacks of frames that have returned."""
        a = self.addr(after)
        for x in before:
            region, off = self.resolve(x)
            if region is None or region.kind == "ctx" or not 0 <= off <= region.size:
                continue
            if region.kind == "object" and not region.live:
                continue
            if region.kind == "stack" and int(region.name[5:]) > len(self.frames):
                continue
            if (a - region.base) & M64 > region.size:
                rel = sext(a - region.base, 64)
                self.escapes.append(ConcreteError(
                    ErrorKind.OUT_OF_BOUNDS, pc,
                    f"pointer arithmetic moved {region.name}{off:+d} to {region.name}{rel:+d}, region size {region.size}"))
                return

    def check_access(self, v: Value, off: int, size: int, what: str) -> tuple[Region, int]:
        """check_mem_access at runtime: NULL, released object, out of bounds."""
        region, base_off = self.resolve(v)
        if region is None:
            a = (self.addr(v) + off) & M64
            if a < NULL_LIMIT:
                raise _Fault(ErrorKind.NULL_DEREF, f"{what} of {size} bytes at NULL+{a}")
            raise _Fault(ErrorKind.OUT_OF_BOUNDS, f"{what} of {size} bytes at {a:#x}, outside every region")
        start = base_off + off
        if start < 0 or start + size > region.size:
            raise _Fault(ErrorKind.OUT_OF_BOUNDS,
                         f"{what} of {size} bytes at {region.name}{start:+d}, region size {region.size}")
        if region.kind == "object" and not region.live:
            raise _Fault(ErrorKind.USE_AFTER_RELEASE,
                         f"{what} of {size} bytes at {region.name}+{start}: released at insn {region.released_at}")
        return region, start

    def read(self, v: Value, off: int, size: int, what: str = "read") -> Value:
        region, start = self.check_access(v, off, size, what)
        if region is self.ctx and start in self.ctx_ptr_fields:
            return self._ctx_pointer(self.ctx_ptr_fields[start])
        if size == 8 and (region.name, start) in self.shadow:
            return self.shadow[(region.name, start)]
        return int.from_bytes(region.data[start:start + size], "little")

    def _ctx_pointer(self, fname: str) -> Value:
        if fname == "data" or fname == "data_meta":
            return Ptr("packet", 0)
        if fname == "data_end":
            return Ptr("packet", self.pkt.size)
        return 0  # skb->sk: no socket attached

    def write(self, v: Value, off: int, size: int, value: Value, what: str = "write") -> None:
        region, start = self.check_access(v, off, size, what)
        for slot in range(start - 7, start + size):  # a partial overwrite kills a stored pointer
            self.shadow.pop((region.name, slot), None)
        if isinstance(value, Ptr) and size == 8:
            self.shadow[(region.name, start)] = value
        raw = self.addr(value) & ((1 << (8 * size)) - 1)
        region.data[start:start + size] = raw.to_bytes(size, "little")

    def write_buf(self, v: Value, data: bytes, what: str) -> None:
        if data:
            self.write_bytes(v, data, what)

    def write_bytes(self, v: Value, data: bytes, what: str) -> None:
        region, start = self.check_access(v, 0, len(data), what)
        for slot in range(start - 7, start + len(data)):
            self.shadow.pop((region.name, slot), None)
        region.data[start:start + len(data)] = data

    def read_bytes(self, v: Value, size: int, what: str) -> bytes:
        if size == 0:
            return b""
        region, start = self.check_access(v, 0, size, what)
        return bytes(region.data[start:start + size])

    # -- objects --

    def acquire(self, obj_type: str, insn: int, n: int) -> Ptr:
        name = f"obj{n}"
        region = self._add_region(name, "object", obj_base(n), bytearray(OBJ_SIZES[obj_type]),
                                  obj_type=obj_type, acquired_at=insn)
        self._init_bytes(region)
        return Ptr(name, 0)

    def object_arg(self, v: Value, spec: CallSpec, fname: str, *, release: bool) -> Region | None:
        """The live object a kfunc argument must be (None: a NULL the kfunc tolerates)."""
        region, off = self.resolve(v)
        if region is None and self.addr(v) == 0:
            if spec.null_ok:
                return None
            raise _Fault(ErrorKind.NULL_DEREF, f"NULL passed to {fname}")
        if region is None or region.kind != "object" or off != 0:
            where = f"{region.name}{off:+d}" if region is not None else f"{self.addr(v):#x}"
            raise _Fault(ErrorKind.BAD_OBJECT, f"{fname} got {where}, not an acquired object")
        if not region.live:
            kind = ErrorKind.DOUBLE_RELEASE if release else ErrorKind.USE_AFTER_RELEASE
            raise _Fault(kind, f"{fname} on {region.name}, released at insn {region.released_at}")
        if spec.obj and region.obj_type != spec.obj:
            raise _Fault(ErrorKind.BAD_OBJECT, f"{fname} expects {spec.obj}, got {region.obj_type} {region.name}")
        return region

    def live_objects(self) -> list[Region]:
        return [r for r in self.regions.values() if r.kind == "object" and r.live]

    def leak_check(self, where: str) -> None:
        live = self.live_objects()
        if live:
            held = ", ".join(f"{r.name} ({r.obj_type} acquired at insn {r.acquired_at})" for r in live)
            raise _Fault(ErrorKind.LEAK, f"{where} with references held: {held}")


def run(program: Program, inputs: Inputs | None = None, *, max_steps: int = 1_000_000,
        start: int = 0) -> Execution:
    """Run `program` on `inputs` until exit, the first fault, or `max_steps` instructions."""
    m = Machine(program, inputs or Inputs())
    m.pc = start
    steps = 0
    insns = program.insns
    try:
        while True:
            if steps >= max_steps:
                return Execution("step_limit", branches=m.branches, steps=steps, last_pc=m.pc, escapes=m.escapes)
            if not 0 <= m.pc < len(insns) or isinstance(insns[m.pc], Imm64Tail):
                raise Unsupported(f"pc {m.pc} is not an instruction")
            steps += 1
            done = _step(m, insns[m.pc])
            if done is not None:
                return Execution("exit", r0=done, branches=m.branches, steps=steps, last_pc=m.pc, escapes=m.escapes)
    except _Fault as f:
        return Execution("error", error=ConcreteError(f.kind, m.pc, f.message), branches=m.branches,
                         steps=steps, last_pc=m.pc, escapes=m.escapes)
    except _Abort as a:
        return Execution("exit", r0=a.r0, branches=m.branches, steps=steps, last_pc=m.pc, escapes=m.escapes)


def _reg(m: Machine, n: int) -> Value:
    return m.regs[n]


def _int(m: Machine, n: int) -> int:
    return m.addr(m.regs[n])


def _step(m: Machine, insn: Insn) -> int | None:
    """Execute one instruction; returns r0 when the program exits."""
    pc = m.pc
    if isinstance(insn, Alu):
        ptrs = [m.regs[insn.dst], m.regs[insn.src]] if insn.op == AluOp.ADD and insn.source == Src.X \
            else [m.regs[insn.dst]]
        m.regs[insn.dst] = _alu(m, insn)
        if insn.is64 and insn.op in (AluOp.ADD, AluOp.SUB):
            m.note_escape(pc, ptrs, m.regs[insn.dst])
        m.pc = pc + 1
    elif isinstance(insn, Jmp):
        return _jmp(m, insn, pc)
    elif isinstance(insn, Load):
        if insn.mode not in (Mode.MEM, Mode.MEMSX):
            raise Unsupported(f"load mode {insn.mode!r}")
        v = m.read(_reg(m, insn.src), insn.off, insn.size, "load")
        if insn.sign_extend and not isinstance(v, Ptr):
            v = sext(v, 8 * insn.size) & M64
        m.regs[insn.dst] = v
        m.pc = pc + 1
    elif isinstance(insn, StoreImm):
        m.write(_reg(m, insn.dst), insn.off, insn.size, insn.imm & M64, "store")
        m.pc = pc + 1
    elif isinstance(insn, Store):
        if insn.is_atomic:
            _atomic(m, insn)
        else:
            m.write(_reg(m, insn.dst), insn.off, insn.size, _reg(m, insn.src), "store")
        m.pc = pc + 1
    elif isinstance(insn, LoadImm64):
        m.regs[insn.dst] = _ld_imm64(m, insn)
        m.pc = pc + 2
    elif isinstance(insn, LegacyLoad):
        _ld_abs(m, insn)
        m.pc = pc + 1
    else:
        raise Unsupported(f"instruction {insn!r}")
    return None


def _alu(m: Machine, insn: Alu) -> Value:
    dst = m.regs[insn.dst]
    op = insn.op
    if op == AluOp.END:
        bits = insn.imm
        if bits not in (16, 32, 64):
            raise Unsupported(f"byte swap width {bits}")
        a = m.addr(dst)
        if insn.is64 or insn.source == Src.X:  # bswap, or to_be on a little-endian host
            return bswap(a, bits)
        return a & ((1 << bits) - 1)
    src: Value = m.regs[insn.src] if insn.source == Src.X else insn.imm & M64
    if insn.is64:
        # pointer arithmetic keeps the provenance (add/sub of a scalar, mov)
        if op == AluOp.MOV and not insn.movsx_bits:
            return src
        if op == AluOp.ADD and isinstance(dst, Ptr) and not isinstance(src, Ptr):
            return Ptr(dst.region, dst.off + sext(src, 64))
        if op == AluOp.ADD and isinstance(src, Ptr) and not isinstance(dst, Ptr):
            return Ptr(src.region, src.off + sext(dst, 64))
        if op == AluOp.SUB and isinstance(dst, Ptr) and not isinstance(src, Ptr):
            return Ptr(dst.region, dst.off - sext(src, 64))
        return alu_value(op, m.addr(dst), m.addr(src), 64, signed=insn.signed, movsx=insn.movsx_bits)
    a, b = m.addr(dst) & M32, m.addr(src) & M32
    return alu_value(op, a, b, 32, signed=insn.signed, movsx=insn.movsx_bits)


def _jmp(m: Machine, insn: Jmp, pc: int) -> int | None:
    op = insn.op
    if op == JmpOp.JA:
        m.pc = insn.target(pc)
        return None
    if op == JmpOp.EXIT:
        return _exit(m, pc)
    if op == JmpOp.CALL:
        _call(m, insn, pc)
        return None
    if op == JmpOp.JCOND:  # may_goto: jumps once the loop budget is spent
        taken = bool(m._input("may_goto", False))
    else:
        bits = 32 if insn.is32 else 64
        mask = (1 << bits) - 1
        a = m.addr(m.regs[insn.dst]) & mask
        b = (m.addr(m.regs[insn.src]) if insn.source == Src.X else insn.imm) & mask
        taken = jmp_taken(op, a, b, bits)
    m.branches.append((pc, "taken" if taken else "fallthrough"))
    m.pc = insn.target(pc) if taken else pc + 1
    return None


def _exit(m: Machine, pc: int) -> int | None:
    if not m.frames:
        m.leak_check("exit")
        return m.addr(m.regs[0])
    frame = m.frames.pop()
    if frame.loop is not None:
        cb, i, nr, ctx, call_pc = frame.loop
        stop = m.addr(m.regs[0]) != 0
        if not stop and i + 1 < nr:
            _enter_callback(m, frame, cb, i + 1, nr, ctx, call_pc)
            return None
        m.regs[0] = i + 1
    m.regs[6:10] = frame.saved
    m.regs[10] = frame.saved_fp
    for r in range(1, 6):
        m.regs[r] = 0
    m.pc = frame.return_pc
    return None


def _push_frame(m: Machine, return_pc: int) -> None:
    if len(m.frames) + 1 >= MAX_CALL_DEPTH:
        raise Unsupported("call depth beyond 8 frames")
    m.frames.append(_Frame(return_pc, list(m.regs[6:10]), m.regs[10]))
    m.regs[10] = Ptr(m._stack(len(m.frames)).name, STACK_SIZE)


def _enter_callback(m: Machine, frame: _Frame, cb: int, i: int, nr: int, ctx: Value, call_pc: int) -> None:
    if len(m.frames) + 1 >= MAX_CALL_DEPTH:
        raise Unsupported("call depth beyond 8 frames")
    m.frames.append(_Frame(frame.return_pc, frame.saved, frame.saved_fp, (cb, i, nr, ctx, call_pc)))
    m.regs[10] = Ptr(m._stack(len(m.frames)).name, STACK_SIZE)
    m.regs[1], m.regs[2] = i, ctx
    m.pc = cb


def _ld_imm64(m: Machine, insn: LoadImm64) -> Value:
    if insn.pseudo == 0:
        return insn.value
    if insn.pseudo in (PSEUDO_MAP_FD, PSEUDO_MAP_IDX, PSEUDO_MAP_VALUE, PSEUDO_MAP_IDX_VALUE):
        idx = map_index(m.program, insn)
        if insn.pseudo in (PSEUDO_MAP_FD, PSEUDO_MAP_IDX):
            return map_ptr(idx)
        region = _array_elem(m, idx, 0)
        return Ptr(region.name, insn.imm_hi)
    if insn.pseudo == PSEUDO_FUNC:
        return FUNC_BASE + insn.imm + m.pc + 1
    raise Unsupported(f"ld_imm64 pseudo {insn.pseudo}")


def map_index(program: Program, insn: LoadImm64) -> int:
    if insn.sym:
        for i, md in enumerate(program.maps):
            if md.name == insn.sym:
                return i
    if 0 <= insn.imm < len(program.maps):
        return insn.imm
    raise Unsupported(f"map reference {insn.sym or insn.imm} not declared")


def _array_elem(m: Machine, idx: int, key: int) -> Region:
    md = m.program.maps[idx]
    name = f"map:{md.name}[{key}]"
    if name not in m.regions:
        region = m._add_region(name, "map_value", array_elem_base(idx, key), bytearray(md.value_size))
        m._init_bytes(region)
    return m.regions[name]


def _ld_abs(m: Machine, insn: LegacyLoad) -> None:
    """LD_ABS / LD_IND (skb programs): r0 = big-endian packet bytes; out of range ends the program
    with r0 = 0, so the references held leak (check_ld_abs)."""
    off = insn.imm
    if insn.mode == Mode.IND:
        off = sext(m.addr(m.regs[insn.src]) & M32, 32) + insn.imm
    size = insn.size
    for r in range(1, 6):
        m.regs[r] = 0
    if off < 0 or off + size > m.pkt.size:
        m.leak_check("LD_ABS/LD_IND out of the packet ends the program")
        raise _Abort(0)
    m.regs[0] = int.from_bytes(m.pkt.data[off:off + size], "big")


def _atomic(m: Machine, insn: Store) -> None:
    size, mask = insn.size, (1 << (8 * insn.size)) - 1
    base, op = m.regs[insn.dst], insn.imm
    if op == LOAD_ACQ:
        m.regs[insn.src] = m.read(m.regs[insn.dst], insn.off, size, "load-acquire")
        return
    if op == STORE_REL:
        m.write(m.regs[insn.dst], insn.off, size, m.regs[insn.src], "store-release")
        return
    old_v = m.read(base, insn.off, size, "atomic")
    old = m.addr(old_v) & mask
    operand = m.addr(m.regs[insn.src]) & mask
    if op == AtomicOp.XCHG:
        m.write(base, insn.off, size, m.regs[insn.src] if size == 8 else operand, "atomic")
        m.regs[insn.src] = old_v if size == 8 else old
    elif op == AtomicOp.CMPXCHG:
        if (m.addr(m.regs[0]) & mask) == old:
            m.write(base, insn.off, size, m.regs[insn.src] if size == 8 else operand, "atomic")
        m.regs[0] = old_v if size == 8 else old
    else:
        m.write(base, insn.off, size, atomic_value(op, old, operand, mask), "atomic")
        if op & AtomicOp.FETCH:
            m.regs[insn.src] = old


# --- calls -----------------------------------------------------------------------------------


def _call(m: Machine, insn: Jmp, pc: int) -> None:
    if insn.is_pseudo_call:
        _push_frame(m, pc + 1)
        m.pc = pc + 1 + insn.imm  # bpf-to-bpf calls jump by imm
        return
    name = call_name(insn)
    spec = call_spec(name, kfunc=insn.is_kfunc_call)
    handler = _HANDLERS.get(spec.kind)
    if handler is None:
        raise Unsupported(f"call {name or insn.imm} is not modelled")
    r0 = handler(m, insn, name, spec, pc)
    if spec.kind == CallKind.LOOP:
        return  # the callback runs first; its exit returns to pc + 1
    for r in range(1, 6):
        m.regs[r] = 0
    if r0 is not None:
        m.regs[0] = r0
    m.pc = pc + 1


def ct_args_errno(m: Machine, tuple_p: Value, tsz: int, opts_p: Value, osz: int, fname: str) -> int:
    """__bpf_nf_ct_lookup / __bpf_nf_ct_alloc_entry argument validation (6.18): 0 or -errno.
    The reads it makes are checked like any memory access."""
    if m.addr(opts_p) == 0 or m.addr(tuple_p) == 0:
        return -EINVAL
    if osz not in (12, 16):
        return -EINVAL
    opts = m.read_bytes(opts_p, osz, f"{fname} reads opts")
    reserved = opts[13:16] if osz == 16 else opts[10:12]
    if any(reserved):
        return -EINVAL
    if opts[8] not in (IPPROTO_TCP, IPPROTO_UDP):
        return -EPROTO
    netns = sext(int.from_bytes(opts[0:4], "little"), 32)
    if netns < -1:
        return -EINVAL
    if tsz not in (12, 36):
        return -EAFNOSUPPORT
    m.read_bytes(tuple_p, tsz, f"{fname} reads the tuple")
    if netns >= 0:
        return -ENONET  # no other network namespace exists in the model
    return 0


def _h_ct_acquire(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    n = m._next("acquire")
    found = bool(n < len(m.inputs.lookups) and m.inputs.lookups[n])
    tuple_p, opts_p = m.regs[2], m.regs[4]
    err = ct_args_errno(m, tuple_p, _int(m, 3) & M32, opts_p, _int(m, 5) & M32, name)
    if err == 0 and found:
        ptr = m.acquire(spec.obj, pc, n)
        if spec.obj == "nf_conn":
            m.write(opts_p, 9, 1, 0, "opts->dir")  # IP_CT_DIR_ORIGINAL
        return ptr
    if m.addr(opts_p) != 0:
        m.write(opts_p, 4, 4, (err or -ENOENT) & M32, "opts->error")
    return 0


def _h_sk_acquire(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    n = m._next("acquire")
    found = bool(n < len(m.inputs.lookups) and m.inputs.lookups[n])
    tsz, flags = _int(m, 3) & M32, _int(m, 5)
    if tsz not in (12, 36) or flags != 0:
        return 0
    m.read_bytes(m.regs[2], tsz, f"{name} reads the tuple")
    return m.acquire("sock", pc, n) if found else 0


def _h_release(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value | None:
    region = m.object_arg(m.regs[1], spec, name, release=True)
    if region is not None:
        region.live = False
        region.released_at = pc
    return None


def _h_insert(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    region = m.object_arg(m.regs[1], spec, name, release=True)
    assert region is not None
    n = m._next("acquire")
    inserted = bool(n < len(m.inputs.lookups) and m.inputs.lookups[n])
    if not inserted:  # nf_conntrack_free
        region.live = False
        region.released_at = pc
        return 0
    region.obj_type = "nf_conn"
    region.acquired_at = pc
    return Ptr(region.name, 0)


def _h_object_op(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value | None:
    m.object_arg(m.regs[1], spec, name, release=False)
    if name == "bpf_ct_set_nat_info":
        m.read_bytes(m.regs[2], 16, f"{name} reads addr")
    return m._input("helper_results", 0) & M64 if spec.returns else None


def _map_arg(m: Machine, v: Value) -> int:
    a = m.addr(v)
    idx, rem = divmod(a - MAP_PTR_BASE, REGION_GAP)
    if rem != 0 or not 0 <= idx < len(m.program.maps):
        raise _Fault(ErrorKind.BAD_OBJECT, f"{a:#x} is not a map")
    return idx


def _h_map_lookup(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    idx = _map_arg(m, m.regs[1])
    md = m.program.maps[idx]
    key = m.read_bytes(m.regs[2], md.key_size, "map key")
    if md.map_type in ARRAY_MAP_TYPES:
        k = int.from_bytes(key[:4], "little")
        return Ptr(_array_elem(m, idx, k).name, 0) if k < md.max_entries else 0
    n = m._next("map_lookup")
    if not (n < len(m.inputs.map_lookups) and m.inputs.map_lookups[n]):
        return 0
    region = m._add_region(f"hash{n}", "map_value", hash_value_base(n), bytearray(md.value_size))
    m._init_bytes(region)
    return Ptr(region.name, 0)


def _h_map_update(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    idx = _map_arg(m, m.regs[1])
    md = m.program.maps[idx]
    key = m.read_bytes(m.regs[2], md.key_size, "map key")
    value = m.read_bytes(m.regs[3], md.value_size, "map value")
    if md.map_type in ARRAY_MAP_TYPES:
        k = int.from_bytes(key[:4], "little")
        if k >= md.max_entries:
            return (-E2BIG) & M64
        m.write_bytes(Ptr(_array_elem(m, idx, k).name, 0), value, "map update")
        return 0
    return m._input("helper_results", 0) & M64


def _h_map_delete(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    idx = _map_arg(m, m.regs[1])
    m.read_bytes(m.regs[2], m.program.maps[idx].key_size, "map key")
    return m._input("helper_results", 0) & M64


def _h_prandom(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    return m._input("prandom", 0) & M32


def _h_scalar(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    return m._input("helper_results", 0) & M64


def _h_tail_call(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    """A tail call that succeeds never returns: the references held leak (check_reference_leak)."""
    idx = _map_arg(m, m.regs[2])
    md = m.program.maps[idx]
    jumps = bool(m._input("tail_calls", False))
    if jumps and (_int(m, 3) & M32) < md.max_entries:
        m.leak_check("tail call")
        raise _Abort(0)
    return 0


def _h_load_bytes(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value:
    off, length = _int(m, 2) & M32, _int(m, 4) & M32
    if off + length > m.pkt.size or length == 0:
        return (-EFAULT) & M64
    m.write_buf(m.regs[3], bytes(m.pkt.data[off:off + length]), f"{name} writes the buffer")
    return 0


def _h_loop(m: Machine, insn: Jmp, name: str, spec: CallSpec, pc: int) -> Value | None:
    nr, fn, ctx, flags = _int(m, 1) & M32, _int(m, 2), m.regs[3], _int(m, 4)
    if flags != 0:
        m.regs[0] = (-EINVAL) & M64
    elif nr > BPF_MAX_LOOPS:
        m.regs[0] = (-E2BIG) & M64
    elif nr == 0:
        m.regs[0] = 0
    else:
        caller = _Frame(pc + 1, list(m.regs[6:10]), m.regs[10])
        _enter_callback(m, caller, fn - FUNC_BASE, 0, nr, ctx, pc)
        return None
    for r in range(1, 6):
        m.regs[r] = 0
    m.pc = pc + 1
    return None


_Handler = Callable[[Machine, Jmp, str, CallSpec, int], Value | None]
_HANDLERS: dict[CallKind, _Handler] = {
    CallKind.CT_ACQUIRE: _h_ct_acquire,
    CallKind.SK_ACQUIRE: _h_sk_acquire,
    CallKind.RELEASE: _h_release,
    CallKind.INSERT: _h_insert,
    CallKind.OBJECT_OP: _h_object_op,
    CallKind.MAP_LOOKUP: _h_map_lookup,
    CallKind.MAP_UPDATE: _h_map_update,
    CallKind.MAP_DELETE: _h_map_delete,
    CallKind.PRANDOM: _h_prandom,
    CallKind.SCALAR: _h_scalar,
    CallKind.TAIL_CALL: _h_tail_call,
    CallKind.LOAD_BYTES: _h_load_bytes,
    CallKind.LOOP: _h_loop,
}

__all__ = [
    "CALLS", "CallKind", "CallSpec", "ConcreteError", "ErrorKind", "Execution", "Inputs", "Machine",
    "Ptr", "Region", "Unsupported", "alu_value", "call_name", "call_spec", "jmp_taken", "run",
]
