"""The 6.18 state printer (model/vlog.py) without the kernel: hand-built registers and states
against lines copied from live 6.18.44 logs, and parse -> print identity over every state line
of the recorded logs in ../shared/semantics/live-6.18-logs."""
from __future__ import annotations

from pathlib import Path

import pytest

from verifier_model.model import vlog
from verifier_model.model.regs import BPF_ADD_CONST64, NOT_INIT, BtfRef, Reg, RegFlag, RegType
from verifier_model.model.scalar import Scalar, Tnum
from verifier_model.model.state import Frame, RefState, SlotKind, StackSlot, State
from verifier_model.program import MapDef

LOGS = Path(__file__).resolve().parents[2] / "shared" / "semantics" / "live-6.18-logs"

T = RegType
K = SlotKind
RINGBUF = RegFlag(1 << 2)


def fp(off: int = 0, frameno: int = 0) -> Reg:
    return Reg(type=T.PTR_TO_STACK, off=off, frameno=frameno, scalar=Scalar.const(0))


def ptr(t: RegType, **kw: object) -> Reg:
    return Reg(type=t, scalar=Scalar.const(0), **kw)  # type: ignore[arg-type]


def const(v: int, precise: bool = False) -> Reg:
    return Reg(type=T.SCALAR_VALUE, scalar=Scalar.const(v), precise=precise)


def scalar(s: Scalar, **kw: object) -> Reg:
    return Reg(type=T.SCALAR_VALUE, scalar=s, **kw)  # type: ignore[arg-type]


def bounded(lo: int, hi: int, mask: int) -> Scalar:
    """A non-negative scalar in [lo, hi] with var_off (0; mask), as the kernel syncs it."""
    return Scalar(Tnum(0, mask), lo, hi, lo, hi, lo, hi, lo, hi)


U32_READ = Scalar(Tnum(0, 0xFFFFFFFF), 0, 0xFFFFFFFF, 0, 0xFFFFFFFF, -(1 << 31), (1 << 31) - 1, 0, 0xFFFFFFFF)
M1 = MapDef("m1", 1, 8, 48)
VALS = MapDef("vals", 2, 4, 64)


def state(regs: dict[int, Reg], stack: dict[int, StackSlot] | None = None, *, refs: tuple[int, ...] = (),
          frameno: int = 0, cb: bool = False) -> State:
    rr = [NOT_INIT] * 11
    for i, r in regs.items():
        rr[i] = r
    slots = [StackSlot()] * (max(stack, default=-1) + 1 if stack else 0)
    for i, s in (stack or {}).items():
        slots[i] = s
    outer = tuple(Frame(regs=(NOT_INIT,) * 11, frameno=i) for i in range(frameno))
    fr = Frame(regs=tuple(rr), stack=tuple(slots), frameno=frameno, in_callback=cb)
    return State(frames=(*outer, fr), refs=tuple(RefState(i, 0) for i in refs))


def spill(reg: Reg, prefix: str = "") -> StackSlot:
    kinds = tuple({"?": K.INVALID, "m": K.MISC, "0": K.ZERO}[c] for c in prefix)
    return StackSlot(kinds + (K.SPILL,) * (8 - len(prefix)), reg)


def plain(text: str) -> StackSlot:
    return StackSlot(tuple({"?": K.INVALID, "m": K.MISC, "0": K.ZERO, "r": K.SPILL}[c] for c in text))


# (register, text) pairs: every text is copied from a live 6.18.44 log
REGS = [
    (ptr(T.PTR_TO_CTX), "ctx()"),
    (fp(), "fp0"),
    (fp(-48), "fp-48"),
    (fp(-8, frameno=0), "fp-8"),
    (scalar(Scalar.unknown()), "scalar()"),
    (scalar(Scalar.unknown(), id=1), "scalar(id=1)"),
    (scalar(Scalar.unknown(), id=1, precise=True), "Pscalar(id=1)"),
    (const(0), "0"),
    (const(12), "12"),
    (const(3, precise=True), "P3"),
    (const(-1), "-1"),
    (const(-32768), "-32768"),
    (const(-32769), "0xffffffffffff7fff"),
    (const(32767), "32767"),
    (const(65535), "0xffff"),
    (const(0x7FFFFFFF), "0x7fffffff"),
    (const(0xFFFFFFFF), "0xffffffff"),
    (const(-100000), "0xfffffffffffe7960"),
    (const(0x1234567890), "0x1234567890"),
    (scalar(U32_READ), "scalar(smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))"),
    (scalar(bounded(0, 255, 0xFF)), "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"),
    (scalar(bounded(0, 63, 0x3F), id=2),
     "scalar(id=2,smin=smin32=0,smax=umax=smax32=umax32=63,var_off=(0x0; 0x3f))"),
    (scalar(bounded(3, 66, 0x7F), id=2 | BPF_ADD_CONST64, off=3),
     "scalar(id=2+3,smin=umin=smin32=umin32=3,smax=umax=smax32=umax32=66,var_off=(0x0; 0x7f))"),
    (scalar(Scalar(Tnum(0, 0x3F00000000), 0, 0x3F00000000, 0, 0x3F00000000, 0, 0, 0, 0)),
     "scalar(smin=smin32=0,smax=umax=0x3f00000000,smax32=umax32=0,var_off=(0x0; 0x3f00000000))"),
    (scalar(Scalar(Tnum.unknown(), -32, 31, 0, (1 << 64) - 1, -32, 31, 0, 0xFFFFFFFF)),
     "scalar(smin=smin32=-32,smax=smax32=31)"),
    (ptr(T.CONST_PTR_TO_MAP, map=MapDef("vals", 1, 4, 64)), "map_ptr(map=vals,ks=4,vs=64)"),
    (ptr(T.PTR_TO_MAP_VALUE, map=M1), "map_value(map=m1,ks=8,vs=48)"),
    (ptr(T.PTR_TO_MAP_VALUE, flags=RegFlag.PTR_MAYBE_NULL, id=1, map=M1), "map_value_or_null(id=1,map=m1,ks=8,vs=48)"),
    (ptr(T.PTR_TO_MAP_VALUE, map=VALS, off=53), "map_value(map=vals,ks=4,vs=64,off=53)"),
    (Reg(type=T.PTR_TO_MAP_VALUE, map=VALS, scalar=Scalar(Tnum.unknown(), -32, 31, 0, (1 << 64) - 1, -32, 31, 0,
                                                          0xFFFFFFFF)),
     "map_value(map=vals,ks=4,vs=64,smin=smin32=-32,smax=smax32=31)"),
    (ptr(T.PTR_TO_MAP_KEY, map=MapDef("arr", 2, 4, 16)), "map_key(map=arr,ks=4,vs=16)"),
    (ptr(T.PTR_TO_PACKET), "pkt(r=0)"),
    (ptr(T.PTR_TO_PACKET, range=14), "pkt(r=14)"),
    (Reg(type=T.PTR_TO_PACKET, id=3, off=8, range=-2, scalar=bounded(0, 63, 0x3F)),
     "pkt(id=3,off=8,r=0xfffffffffffffffe,smin=smin32=0,smax=umax=smax32=umax32=63,var_off=(0x0; 0x3f))"),
    (ptr(T.PTR_TO_PACKET_META, off=4), "pkt_meta(off=4,r=0)"),
    (ptr(T.PTR_TO_PACKET_END), "pkt_end()"),
    (ptr(T.PTR_TO_BTF_ID, flags=RegFlag.PTR_MAYBE_NULL, id=2, ref_obj_id=2, btf=BtfRef(1, "nf_conn")),
     "ptr_or_null_nf_conn(id=2,ref_obj_id=2)"),
    (ptr(T.PTR_TO_BTF_ID, ref_obj_id=2, btf=BtfRef(1, "nf_conn")), "ptr_nf_conn(ref_obj_id=2)"),
    (ptr(T.PTR_TO_BTF_ID, ref_obj_id=2, off=8, btf=BtfRef(1, "nf_conn")), "ptr_nf_conn(ref_obj_id=2,off=8)"),
    (ptr(T.PTR_TO_BTF_ID, btf=BtfRef(1, "nf_conn")), "ptr_nf_conn()"),
    (ptr(T.PTR_TO_BTF_ID, flags=RegFlag.PTR_TRUSTED, btf=BtfRef(1, "task_struct")), "trusted_ptr_task_struct()"),
    (ptr(T.PTR_TO_BTF_ID, flags=RegFlag.MEM_RCU | RegFlag.PTR_MAYBE_NULL, id=4, btf=BtfRef(1, "task_struct")),
     "rcu_ptr_or_null_task_struct(id=4)"),
    (ptr(T.PTR_TO_BTF_ID, flags=RegFlag.PTR_UNTRUSTED, btf=BtfRef(1, "net")), "untrusted_ptr_net()"),
    (ptr(T.PTR_TO_SOCK_COMMON, flags=RegFlag.PTR_MAYBE_NULL, id=1), "sock_common_or_null(id=1)"),
    (ptr(T.PTR_TO_SOCKET, ref_obj_id=2), "sock(ref_obj_id=2)"),
    (ptr(T.PTR_TO_TCP_SOCK, flags=RegFlag.PTR_MAYBE_NULL, id=2), "tcp_sock_or_null(id=2)"),
    (ptr(T.PTR_TO_MEM, flags=RegFlag.PTR_MAYBE_NULL | RINGBUF, id=2, ref_obj_id=2, mem_size=8),
     "ringbuf_mem_or_null(id=2,ref_obj_id=2,sz=8)"),
    (ptr(T.PTR_TO_MEM, flags=RINGBUF, ref_obj_id=2, off=4, mem_size=8), "ringbuf_mem(ref_obj_id=2,off=4,sz=8)"),
    (ptr(T.PTR_TO_MEM, flags=RegFlag.MEM_RDONLY, mem_size=16), "rdonly_mem(sz=16)"),
    (ptr(T.PTR_TO_FUNC, subprogno=1), "func()"),
    (Reg(type=T.PTR_TO_STACK, off=-32, scalar=bounded(0, 8, 0xF)),
     "fp(off=-32,smin=smin32=0,smax=umax=smax32=umax32=8,var_off=(0x0; 0xf))"),
    (ptr(T.PTR_TO_ARENA), "arena"),
]


@pytest.mark.parametrize(("reg", "text"), REGS, ids=[t for _, t in REGS])
def test_reg_str(reg: Reg, text: str) -> None:
    assert vlog.reg_str(reg) == text


@pytest.mark.parametrize(("reg", "text"), REGS, ids=[t for _, t in REGS])
def test_parse_reg_round_trip(reg: Reg, text: str) -> None:
    assert vlog.reg_str(vlog.parse_reg(text)) == text


def test_stack_pointer_into_another_frame() -> None:
    assert vlog.reg_str(fp(-8, frameno=0), frameno_of_state=1) == "fp[0]-8"
    assert vlog.reg_str(fp(0, frameno=1), frameno_of_state=1) == "fp0"
    r = vlog.parse_reg("fp[0]-16", frameno_of_state=1)
    assert (r.type, r.frameno, r.off) == (T.PTR_TO_STACK, 0, -16)


SLOTS = [
    (plain("mmmmmmmm"), "mmmmmmmm"),
    (plain("0000????"), "0000????"),  # *(u32 *)(r10 -4) = 0: kinds[0..3] are fp-1..fp-4
    (plain("??????m?"), "??????m?"),  # *(u8 *)(r10 -31) = r1: fp-31 is kinds[6] of fp-32
    (spill(const(0)), "0"),
    (spill(const(-1), "mmmm"), "mmmm-1"),
    (spill(const(6), "mmmmmmm"), "mmmmmmm6"),
    (spill(const(0x1234567890), "????"), "????0x1234567890"),
    (spill(const(0x1234567890), "??????"), "??????0x1234567890"),
    (spill(fp()), "fp0"),
    (spill(ptr(T.PTR_TO_MAP_VALUE, flags=RegFlag.PTR_MAYBE_NULL, id=1, map=M1)), "map_value_or_null(id=1,map=m1,ks=8,vs=48)"),
    (spill(scalar(bounded(0, 255, 0xFF), id=2), "mmmm"),
     "mmmmscalar(id=2,smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"),
    (spill(const(0), "mmmm"), "mmmm0"),
    (spill(const(0), "0000"), "00000"),
]


@pytest.mark.parametrize(("slot", "text"), SLOTS, ids=[t for _, t in SLOTS])
def test_slot_str_and_parse(slot: StackSlot, text: str) -> None:
    assert vlog.slot_str(slot) == text
    back = vlog.parse_slot(text)
    assert back.kinds == slot.kinds
    assert vlog.slot_str(back) == text


def test_empty_slot_not_printed() -> None:
    assert vlog.slot_str(StackSlot()) is None
    st = state({10: fp()}, {0: StackSlot(), 1: plain("mmmmmmmm")})
    assert vlog.state_str(st) == "R10=fp0 fp-16=mmmmmmmm"


def test_full_state_and_scratched() -> None:
    st = state({0: const(0), 6: ptr(T.PTR_TO_CTX), 7: ptr(T.PTR_TO_BTF_ID, ref_obj_id=2, btf=BtfRef(1, "nf_conn")),
                10: fp()}, {0: spill(const(0)), 4: plain("mmmmmmmm")}, refs=(2,))
    assert vlog.state_str(st) == "R0=0 R6=ctx() R7=ptr_nf_conn(ref_obj_id=2) R10=fp0 fp-8=0 fp-40=mmmmmmmm refs=2"
    assert vlog.state_str(st, regs={0, 1}) == "R0=0 refs=2"  # R1 NOT_INIT: nothing
    assert vlog.state_str(st, regs={10}, slots={0}) == "R10=fp0 fp-8=0 refs=2"
    assert vlog.state_str(st, regs=set(), slots=set()) == "refs=2"
    assert vlog.state_str(st, all_regs=False) == "refs=2"
    assert vlog.state_str(st, insn_idx=25) == "25: R0=0 R6=ctx() R7=ptr_nf_conn(ref_obj_id=2) R10=fp0 fp-8=0 fp-40=mmmmmmmm refs=2"
    assert vlog.state_str(state({1: NOT_INIT}), insn_idx=23, regs={1}) == "23:"
    assert vlog.state_str(st, written={0}) == vlog.state_str(st)  # 6.18: no `_w`


def test_frames_and_callbacks() -> None:
    st = state({1: scalar(Scalar.unknown()), 2: fp(-8, frameno=0), 10: fp(0, frameno=1)}, frameno=1, cb=True)
    assert vlog.state_str(st) == "frame1: R1=scalar() R2=fp[0]-8 R10=fp0 cb"
    assert vlog.print_verifier_state(st) == " frame1: R1=scalar() R2=fp[0]-8 R10=fp0 cb"
    assert vlog.state_str(st, regs={0}) == "frame1: cb"
    # the caller's frame printed while the callee is current (caller:)
    assert vlog.state_str(st, frameno=0) == ""
    back = vlog.parse_state_line("from 6 to 9: frame1: R1=scalar() R2=fp[0]-8 R10=fp0 cb")
    assert back.curframe == 1 and back.cur.in_callback and back.reg(2).frameno == 0 and back.reg(10).frameno == 1
    assert vlog.state_str(back) == "frame1: R1=scalar() R2=fp[0]-8 R10=fp0 cb"
    assert vlog.state_str(vlog.parse_state_line("frame2: R10=fp0 async_cb")) == "frame2: R10=fp0 async_cb"


# instruction lines with their states, copied from live 6.18.44 logs
INSN_LINES = [
    ("0: (bf) r6 = r1                       ; R1=ctx() R6=ctx()",
     state({1: ptr(T.PTR_TO_CTX), 6: ptr(T.PTR_TO_CTX)})),
    ("2: (62) *(u32 *)(r10 -4) = 0          ; R10=fp0 fp-8=0000????",
     state({10: fp()}, {0: plain("0000????")})),
    ("9: (62) *(u32 *)(r10 -64) = -1        ; R10=fp0 fp-64=mmmm-1",
     state({10: fp()}, {7: spill(const(-1), "mmmm")})),
    ("18: (85) call bpf_xdp_ct_lookup#66135         ; R0=ptr_or_null_nf_conn(id=2,ref_obj_id=2) refs=2",
     state({0: ptr(T.PTR_TO_BTF_ID, flags=RegFlag.PTR_MAYBE_NULL, id=2, ref_obj_id=2, btf=BtfRef(1, "nf_conn"))},
           refs=(2,))),
    ("12: (85) call bpf_ringbuf_submit#132          ;", state({})),
    ("24: (85) call bpf_ct_release#63789    ;", state({})),
    ("31: (b7) r0 = 0                       ; frame1: R0=0 refs=2 cb",
     state({0: const(0)}, frameno=1, refs=(2,), cb=True)),
    ("10: (bf) r1 = r8                      ; R1=scalar(id=1,smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))"
     + " R8=scalar(id=1,smin=0,smax=umax=0xffffffff,var_off=(0x0; 0xffffffff))",
     state({1: scalar(U32_READ, id=1), 8: scalar(U32_READ, id=1)})),
]


@pytest.mark.parametrize(("line", "st"), INSN_LINES, ids=[x[0].split(";")[0].strip() for x in INSN_LINES])
def test_insn_state_line(line: str, st: State) -> None:
    insn, items = vlog.split_insn_state_line(line) or ("", "")
    assert vlog.insn_state_line(insn, st) == line
    assert vlog.insn_state_line(insn, items) == line


def test_vlog_alignment() -> None:
    # "0: (bf) r6 = r1" + newline is 16 bytes: padded to column 39
    assert vlog.vlog_alignment(16) == 23
    assert vlog.vlog_alignment(36) == 3
    assert vlog.vlog_alignment(37) == 10


def test_popped_state_line_level1() -> None:
    st = state({0: const(2), 1: const(5), 10: fp()})
    line = "3: (15) if r1 == 0x5 goto pc+3 7: R0=2 R1=5 R10=fp0"
    assert vlog.popped_state_line("3: (15) if r1 == 0x5 goto pc+3", st, 7) == line
    assert vlog.split_state_line(line) == ("3: (15) if r1 == 0x5 goto pc+3 7:", "R0=2 R1=5 R10=fp0")


SPLIT = [
    ("0: R1=ctx() R10=fp0", "0:", "R1=ctx() R10=fp0"),
    ("23:", "23:", ""),
    ("from 12 to 18: R0=0 R6=ctx() R10=fp0", "from 12 to 18:", "R0=0 R6=ctx() R10=fp0"),
    ("from 3 to 5 (speculative execution): R0=0", "from 3 to 5 (speculative execution):", "R0=0"),
    ("mark_precise: frame0: parent state regs= stack=:  R0=P2 R1=ctx() R10=fp0",
     "mark_precise: frame0: parent state regs= stack=: ", "R0=P2 R1=ctx() R10=fp0"),
    ("cur state: R1=0 R10=fp0", "cur state:", "R1=0 R10=fp0"),
    (" frame1: R1=ctx() R10=fp0 refs=2", "", "frame1: R1=ctx() R10=fp0 refs=2"),
    (" R6=ctx() R10=fp0", "", "R6=ctx() R10=fp0"),
]


@pytest.mark.parametrize(("line", "prefix", "items"), SPLIT, ids=[x[0] for x in SPLIT])
def test_split_state_line(line: str, prefix: str, items: str) -> None:
    assert vlog.split_state_line(line) == (prefix, items)
    assert vlog.state_str(vlog.parse_state_line(line)) == items


@pytest.mark.parametrize("line", ["from 5 to 13: safe", "26: (95) exit", "processed 15 insns (limit 1000000)",
                                  "func#0 @0", "      3: 01........ (15) if r1 == 0x5 goto pc+2", "caller:"])
def test_lines_without_state(line: str) -> None:
    assert vlog.split_state_line(line) is None


def test_parse_semantics() -> None:
    st = vlog.parse_state_line("R0=map_value_or_null(id=1,map=m1,ks=8,vs=48) R9=scalar(id=2+3,smin=umin=smin32=umin32=3,"
                               "smax=umax=smax32=umax32=66,var_off=(0x0; 0x7f)) R10=fp0 fp-8=0000???? "
                               "fp-64=mmmm-1 refs=2,4")
    r0 = st.reg(0)
    assert r0.type == T.PTR_TO_MAP_VALUE and r0.maybe_null and r0.id == 1
    assert r0.map is not None and (r0.map.name, r0.map.key_size, r0.map.value_size) == ("m1", 8, 48)
    r9 = st.reg(9)
    assert r9.id == 2 | BPF_ADD_CONST64 and r9.off == 3 and r9.scalar == bounded(3, 66, 0x7F)
    assert st.cur.stack[0].kinds == (K.ZERO,) * 4 + (K.INVALID,) * 4
    assert st.cur.stack[7].kinds == (K.MISC,) * 4 + (K.SPILL,) * 4 and st.cur.stack[7].spilled.is_const(-1)
    assert [r.id for r in st.refs] == [2, 4]
    assert st.reg(1) == NOT_INIT


@pytest.mark.parametrize("bad", ["R1=wat()", "fp-8=dynptr_ringbuf(id=1,ref_id=2,dynptr_id=1)", "R1=ctx(foo=1)",
                                 "fp-12=mmmmmmmm", "bogus"])
def test_parse_unsupported(bad: str) -> None:
    with pytest.raises(ValueError):
        vlog.parse_state_line(bad)


def round_trip_log(text: str) -> int:
    """Assert parse -> print identity for every state line of a log; returns the count."""
    n = 0
    lines = text.splitlines()
    for lineno, prefix, items in vlog.iter_state_lines(text):
        assert prefix + (" " + items if items else "") == lines[lineno]
        assert vlog.state_str(vlog.parse_state_line(items)) == items, f"line {lineno + 1}"
        n += 1
    return n


@pytest.mark.skipif(not LOGS.is_dir(), reason=f"no recorded logs at {LOGS}")
def test_round_trip_recorded_logs() -> None:
    total = 0
    for f in sorted(LOGS.glob("*.log")):
        total += round_trip_log(f.read_text())
    assert total > 2000
