"""Seeded random generator of small, structured CT-kfunc programs in the project's assembly dialect.

Every program is built around `bpf_{xdp,skb}_ct_lookup`: the canonical tuple/opts setup of
kernel_semantics §11, then a random walk over the things the reference-tracking rules care about
(null checks in refining and non-refining forms, register copies, spills and fills, field reads and
mark writes, pointer arithmetic, branches on `bpf_get_prandom_u32`, a second lookup, releases).
About half of the programs get one injected mistake (a leak, a double release, a use after release,
a bad field access, ...), so a real verifier accepts roughly half of them and rejects the rest with
varied errors. The generator never predicts the verdict: the kernel (or the model) decides.

`generate(seed, count)` is a pure function of its arguments: program `i` of seed `s` is always the
same text, whatever `count` is.
"""
from __future__ import annotations

import random
from dataclasses import dataclass, field

__all__ = ["BUGS", "generate"]

# Injected mistakes; "none" keeps the program valid.
BUGS: tuple[str, ...] = (
    "leak",
    "leak_on_branch",
    "double_release",
    "use_after_release",
    "release_unchecked",
    "nonrefining_check",
    "deref_before_check",
    "bad_field_read",
    "bad_field_write",
    "release_with_offset",
    "arith_on_maybe_null",
    "bad_pointer_op",
    "clobbered_by_helper",
    "overwrite_before_check",
    "release_loaded_pointer",
    "leak_second",
)

# (offset, size) reads of struct nf_conn that the verifier accepts ...
GOOD_READS: tuple[tuple[int, str], ...] = (
    (8, "u32"), (12, "u16"), (128, "u64"), (128, "u16"), (135, "u8"), (168, "u32"), (168, "u16"),
    (171, "u8"), (172, "u32"), (32, "u32"), (68, "u16"), (126, "u8"), (184, "u32"), (224, "u8"),
)
# ... and ones it rejects (beyond a member / the struct, pointer member halves, negative offsets).
BAD_READS: tuple[tuple[int, str], ...] = (
    (168, "u64"), (4, "u64"), (10, "u32"), (160, "u32"), (156, "u64"), (16, "u32"), (248, "u32"),
    (244, "u64"), (-8, "u32"),
)
GOOD_WRITES: tuple[tuple[int, str], ...] = ((168, "u32"), (168, "u16"), (168, "u8"))
BAD_WRITES: tuple[tuple[int, str], ...] = ((168, "u64"), (128, "u64"), (172, "u32"), (8, "u32"), (171, "u8"))
SPILL_SLOTS: tuple[int, ...] = (-72, -80, -88, -96, -104, -112, -120, -128)
HOLDERS: tuple[str, ...] = ("r7", "r8", "r9")


@dataclass
class _Ref:
    """A conntrack reference the generator is tracking (not a verifier model: just bookkeeping)."""

    regs: list[str] = field(default_factory=list)
    slots: list[int] = field(default_factory=list)
    checked: bool = False
    alive: bool = True


class _Builder:
    def __init__(self, rng: random.Random, prog_type: str, seed: int, index: int) -> None:
        self.rng = rng
        self.tc = prog_type == "tc"
        self.seed = seed
        self.index = index
        self.lines: list[str] = []
        self.tails: list[list[str]] = []
        self.shape: list[str] = []
        self.labels = 0
        self.free_slots = list(SPILL_SLOTS)
        rng.shuffle(self.free_slots)
        self.refs: list[_Ref] = []

    # -- emission helpers ---------------------------------------------------------------------
    def emit(self, *insns: str) -> None:
        self.lines.extend("\t" + i for i in insns)

    def label(self, name: str) -> None:
        self.lines.append(name + ":")

    def new_label(self, stem: str) -> str:
        self.labels += 1
        return f"{stem}{self.labels}"

    def note(self, what: str) -> None:
        self.shape.append(what)

    def free_holder(self) -> str | None:
        used = {r for ref in self.refs if ref.alive for r in ref.regs}
        for reg in HOLDERS:
            if reg not in used:
                return reg
        return None

    def drop_reg(self, reg: str) -> None:
        """`reg` is about to be overwritten: forget it as a holder of any reference."""
        for ref in self.refs:
            if reg in ref.regs:
                ref.regs.remove(reg)

    # -- program pieces ----------------------------------------------------------------------
    def prologue(self) -> None:
        rng = self.rng
        self.emit("r6 = r1")
        if rng.random() < 0.5:
            self.emit("r1 = 0", *[f"*(u64 *)(r10 - {o}) = r1" for o in range(8, 72, 8)])
        else:
            self.emit(*[f"*(u64 *)(r10 - {o}) = 0" for o in range(8, 72, 8)])
        self.emit("*(u32 *)(r10 - 64) = -1", f"*(u8 *)(r10 - 56) = {rng.choice((6, 6, 17))}")
        self.opts_sz = rng.choice((12, 16, 16))

    def lookup(self) -> _Ref:
        fn = "bpf_skb_ct_lookup" if self.tc else "bpf_xdp_ct_lookup"
        self.emit("r1 = r6", "r2 = r10", "r2 += -48", "r3 = 12", "r4 = r10", "r4 += -64",
                  f"r5 = {self.opts_sz}", f"call {fn}")
        self.drop_reg("r0")
        ref = _Ref(regs=["r0"])
        self.refs.append(ref)
        self.note("lookup")
        return ref

    def null_check(self, ref: _Ref, bug: str) -> None:
        """Check `ref` for NULL; the NULL path jumps to a bail-out block releasing the other refs."""
        rng = self.rng
        reg = rng.choice(ref.regs)
        bail = self.new_label("null")
        others = [r for r in self.refs if r is not ref and r.alive and r.checked]
        if bug == "nonrefining_check":
            form = rng.choice(("jmp32", "reg", "jgt", "jeq1"))
            self.note(f"check({form})")
            if form == "jmp32":
                self.emit(f"if w{reg[1:]} == 0 goto {bail}")
            elif form == "reg":
                self.emit("r2 = 0", f"if {reg} == r2 goto {bail}")
            elif form == "jgt":
                ok = self.new_label("ok")
                self.emit(f"if {reg} > 0 goto {ok}", f"goto {bail}")
                self.label(ok)
            else:
                self.emit(f"if {reg} == 1 goto {bail}")
            # the verifier does not refine: the generator still treats the ref as "checked"
        elif rng.random() < 0.6:
            self.note("check(==)")
            self.emit(f"if {reg} == 0 goto {bail}")
        else:
            self.note("check(!=)")
            ok = self.new_label("ok")
            self.emit(f"if {reg} != 0 goto {ok}", f"goto {bail}")
            self.label(ok)
        ref.checked = True
        tail = [bail + ":"]
        for other in others:
            tail += self.release_lines(other)
        tail += ["\tr0 = 2", "\texit"]
        self.tails.append(tail)

    def release_lines(self, ref: _Ref) -> list[str]:
        if ref.regs:
            src = [f"\tr1 = {self.rng.choice(ref.regs)}"]
        elif ref.slots:
            src = [f"\tr1 = *(u64 *)(r10 - {-self.rng.choice(ref.slots)})"]
        else:
            return []
        return src + ["\tcall bpf_ct_release"]

    def release(self, ref: _Ref, *, offset: int = 0) -> None:
        if ref.regs:
            src = self.rng.choice(ref.regs)
            self.emit(f"r1 = {src}")
        else:
            self.emit(f"r1 = *(u64 *)(r10 - {-self.rng.choice(ref.slots)})")
        if offset:
            self.emit(f"r1 += {offset}")
        self.emit("call bpf_ct_release")
        self.clobber()
        ref.alive = False
        self.note("release" + (f"({offset:+d})" if offset else ""))

    def clobber(self) -> None:
        """After any call R0-R5 are gone."""
        for reg in ("r0", "r1", "r2", "r3", "r4", "r5"):
            self.drop_reg(reg)

    def move_to_holder(self, ref: _Ref) -> str | None:
        reg = self.free_holder()
        if reg is None:
            return None
        self.emit(f"{reg} = {self.rng.choice(ref.regs)}")
        self.drop_reg(reg)
        ref.regs.append(reg)
        self.note(f"copy({reg})")
        return reg

    def spill(self, ref: _Ref) -> None:
        if not self.free_slots or not ref.regs:
            return
        slot = self.free_slots.pop()
        self.emit(f"*(u64 *)(r10 - {-slot}) = {self.rng.choice(ref.regs)}")
        ref.slots.append(slot)
        self.note(f"spill(fp{slot})")

    def fill(self, ref: _Ref) -> None:
        reg = self.free_holder()
        if reg is None or not ref.slots:
            return
        self.emit(f"{reg} = *(u64 *)(r10 - {-self.rng.choice(ref.slots)})")
        self.drop_reg(reg)
        ref.regs.append(reg)
        self.note(f"fill({reg})")

    def read_field(self, ref: _Ref, *, bad: bool = False) -> None:
        off, size = self.rng.choice(BAD_READS if bad else GOOD_READS)
        sign = "-" if off < 0 else "+"
        self.emit(f"r2 = *({size} *)({self.rng.choice(ref.regs)} {sign} {abs(off)})")
        self.drop_reg("r2")
        self.note(f"read({off},{size})")

    def write_field(self, ref: _Ref, *, bad: bool = False) -> None:
        off, size = self.rng.choice(BAD_WRITES if bad else GOOD_WRITES)
        base = self.rng.choice(ref.regs)
        saved = [r for r in ref.regs if r in HOLDERS]
        if not saved or self.rng.random() < 0.5:
            self.emit(f"*({size} *)({base} + {off}) = {self.rng.randrange(1, 100)}")
        else:
            # the value comes from a helper, so the base must survive the call in a callee-saved register
            self.emit("call bpf_get_prandom_u32", f"*({size} *)({self.rng.choice(saved)} + {off}) = r0")
            self.clobber()
        self.note(f"write({off},{size})")

    def pointer_arith(self, ref: _Ref) -> None:
        k = self.rng.choice((8, 128, 160, 168))
        self.emit(f"r3 = {self.rng.choice(ref.regs)}", f"r3 += {k}", f"r2 = *(u32 *)(r3 + {168 - k})")
        self.drop_reg("r3")
        self.drop_reg("r2")
        self.note(f"arith(+{k})")

    def prandom_branch(self, ref: _Ref, *, leak: bool) -> bool:
        """Branch on a random bit; both sides release `ref` unless `leak`. Returns True if it released."""
        if not any(r in HOLDERS for r in ref.regs) and not ref.slots:
            return False
        self.emit("call bpf_get_prandom_u32")
        self.clobber()
        side = self.new_label("odd")
        join = self.new_label("join")
        self.emit(f"if r0 {self.rng.choice(('&', '>'))} {self.rng.choice((1, 7, 100))} goto {side}")
        self.release(ref)
        ref.alive = True
        self.emit(f"goto {join}")
        self.label(side)
        if leak:
            self.emit("r0 = 1")
            self.note("branch(leak)")
        else:
            self.release(ref)
        self.label(join)
        ref.alive = False
        self.note("branch")
        return True

    def epilogue(self) -> None:
        self.emit(f"r0 = {self.rng.choice((1, 2, 2, 3))}", "exit")

    def text(self) -> str:
        head = [f"# scenario: generated seed={self.seed} index={self.index}",
                "# shape: " + ", ".join(self.shape),
                "\t.section " + ("tc" if self.tc else "xdp")]
        body = list(self.lines)
        for tail in self.tails:
            body += tail
        return "\n".join(head + body) + "\n"


def _build(rng: random.Random, prog_type: str, seed: int, index: int) -> str:
    b = _Builder(rng, prog_type, seed, index)
    bug = rng.choice(BUGS) if rng.random() < 0.55 else "none"
    b.prologue()
    first = b.lookup()

    # before the null check: copies, spills, mistakes that need a maybe-NULL pointer
    if bug == "overwrite_before_check":
        b.emit("r0 = 0")
        b.note("overwrite")
        b.epilogue()
        return b.text()
    if bug == "deref_before_check":
        b.note("before_check:")
        b.read_field(first)
    if bug == "arith_on_maybe_null":
        b.emit("r0 += 8")
        b.note("arith(maybe-null)")
    if bug == "release_unchecked":
        b.note("unchecked:")
        b.release(first)
        b.epilogue()
        return b.text()
    if rng.random() < 0.7:
        b.move_to_holder(first)
    if rng.random() < 0.35:
        b.spill(first)
    b.null_check(first, bug)
    if not any(r in HOLDERS for r in first.regs):
        b.move_to_holder(first)

    # the body: a few random operations on the checked reference
    second: _Ref | None = None
    ops = ["read", "read", "write", "arith", "spill", "fill", "copy", "second"]
    for _ in range(rng.randrange(1, 5)):
        op = rng.choice(ops)
        live = [r for r in first.regs if r in HOLDERS] or first.regs
        if not live:
            break
        if op == "read":
            b.read_field(first)
        elif op == "write":
            b.write_field(first)
        elif op == "arith":
            b.pointer_arith(first)
        elif op == "spill":
            b.spill(first)
        elif op == "fill":
            b.fill(first)
        elif op == "copy":
            b.move_to_holder(first)
        elif op == "second" and second is None and b.free_holder() is not None:
            b.clobber()
            second = b.lookup()
            b.move_to_holder(second)
            b.null_check(second, "none")
            ops.remove("second")
    if bug == "leak_second":
        b.note("leak(second)")
    if bug == "leak_second" and second is None:
        b.clobber()
        second = b.lookup()
        b.move_to_holder(second)
        b.null_check(second, "none")

    # injected mistakes on a checked reference
    if bug == "bad_field_read":
        b.read_field(first, bad=True)
    elif bug == "bad_field_write":
        b.write_field(first, bad=True)
    elif bug == "bad_pointer_op":
        op = rng.choice(("r3 *= 2", "r3 &= -8", "w3 += 8", "r3 <<= 1"))
        b.emit(f"r3 = {rng.choice(first.regs)}", op)
        b.note("bad_op")
    elif bug == "clobbered_by_helper":
        b.emit(f"r2 = {rng.choice(first.regs)}")
        for reg in list(first.regs):
            if reg in HOLDERS:
                b.emit(f"{reg} = 0")
                first.regs.remove(reg)
        first.slots.clear()
        b.emit("call bpf_ktime_get_ns", "r1 = r2", "call bpf_ct_release")
        b.note("clobbered")
        first.alive = False
    elif bug == "release_loaded_pointer":
        b.emit(f"r1 = *(u64 *)({rng.choice(first.regs)} + {rng.choice((160, 176))})", "call bpf_ct_release")
        b.clobber()
        b.note("release(loaded)")

    # releases
    if second is not None and second.alive and bug != "leak_second":
        b.release(second)
    if first.alive:
        if bug == "leak":
            b.note("leak")
        elif bug == "leak_on_branch":
            if not b.prandom_branch(first, leak=True):
                b.note("leak")
        elif bug == "release_with_offset":
            b.release(first, offset=rng.choice((8, 168, -8)))
        elif rng.random() < 0.3 and b.prandom_branch(first, leak=False):
            pass
        else:
            stale = [r for r in first.regs if r in HOLDERS]
            b.release(first)
            if bug in ("double_release", "use_after_release"):
                if not stale and first.slots:
                    stale = [f"*(u64 *)(r10 - {-first.slots[0]})"]
                src = rng.choice(stale) if stale else None
                if src is not None and bug == "double_release":
                    b.emit(f"r1 = {src}", "call bpf_ct_release")
                    b.note("double_release")
                elif src is not None:
                    if src.startswith("*"):
                        b.emit(f"r2 = {src}")
                        src = "r2"
                    b.emit(f"r0 = *(u32 *)({src} + 168)")
                    b.note("use_after_release")
    elif bug in ("double_release", "use_after_release") and first.regs:
        b.emit(f"r1 = {first.regs[0]}", "call bpf_ct_release")
        b.note("double_release")
    b.epilogue()
    return b.text()


def generate(seed: int, count: int, *, prog_type: str = "xdp") -> list[tuple[str, str]]:
    """`count` random programs for `seed`, as (name, assembly text) pairs named g<seed>_<n>.

    Deterministic: the same (seed, index, prog_type) always yields the same program.
    """
    if prog_type not in ("xdp", "tc"):
        raise ValueError(f"prog_type must be 'xdp' or 'tc', not {prog_type!r}")
    out = []
    for index in range(count):
        rng = random.Random(f"verifier_model.generate:{seed}:{index}:{prog_type}")
        out.append((f"g{seed}_{index}", _build(rng, prog_type, seed, index)))
    return out
