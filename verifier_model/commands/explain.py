"""`verifier-model explain FILE [--dot OUT.dot]`: the level-2 verifier log annotated with the life
of each reference (acquired, copied, spilled, null-checked, released, dropped on a NULL branch,
leaked), and optionally the control-flow graph with the failing path highlighted.

The annotations are derived from the log alone (`annotate_log`), by scanning its state lines:
`R0=ptr_or_null_nf_conn(id=2,ref_obj_id=2)` / `fp-8=ptr_nf_conn(ref_obj_id=2)` name who holds
reference 2, `refs=2,3` which references the state holds. So the same code explains the kernel's
own log (`--kernel`, or `--log FILE` for a saved level-2 log).
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import InputError
from ..kernel.log import FROM_LINE_RE, INSN_LINE_RE, STATE_LINE_RE

if TYPE_CHECKING:
    import networkx as nx

    from ..program import Program
    from ..result import Result

_HOLDER_RE = re.compile(r"^(?P<name>R\d+|fp-?\d+)=(?P<value>.*)$")
_REF_RE = re.compile(r"\bref_obj_id=(\d+)")
_REFS_RE = re.compile(r"^refs=(?P<ids>[\d,]+)$")
_UNRELEASED_RE = re.compile(r"Unreleased reference id=(\d+) alloc_insn=(\d+)")
_STATE_SEP_RE = re.compile(r"\s+;(?: |$)")


def add_arguments(p: argparse.ArgumentParser) -> None:
    p.add_argument("file", metavar="FILE", help="a program (any input `check` reads), or with --log a level-2 log")
    p.add_argument("--dot", metavar="OUT.dot", help="write the control-flow graph (basic blocks, failing path "
                                                    "highlighted) in Graphviz DOT")
    p.add_argument("--kernel", action="store_true", help="explain the running kernel's log instead of the model's")
    p.add_argument("--log", action="store_true", help="FILE is a saved level-2 verifier log: annotate it as is")
    p.add_argument("--program", metavar="NAME", help="only this section / program")
    p.add_argument("--prog-type", choices=("xdp", "tc"), help="override the program type")
    p.add_argument("--unprivileged", action="store_true", help="a loader without CAP_PERFMON / CAP_SYS_ADMIN")
    p.add_argument("--profile", choices=("6.18", "6.18-orig", "patch-v4"), default="6.18")
    p.add_argument("--time-limit", type=float, default=30.0, metavar="S")


# --- the log scanner --------------------------------------------------------------------------

@dataclass(frozen=True)
class Event:
    ref: int
    kind: str  # acquired | copied | spilled | null-checked | null-branch | released | leaked
    insn: int
    detail: str = ""

    def text(self) -> str:
        return {
            "acquired": f"ref {self.ref} acquired at insn {self.insn}{self.detail}",
            "copied": f"ref {self.ref} copied to {self.detail} at insn {self.insn}",
            "spilled": f"ref {self.ref} spilled to {self.detail} at insn {self.insn}",
            "filled": f"ref {self.ref} filled into {self.detail} at insn {self.insn}",
            "null-checked": f"ref {self.ref} null-checked at insn {self.insn}{self.detail}",
            "null-branch": f"ref {self.ref} is NULL on {self.detail}: nothing to release there",
            "released": f"ref {self.ref} released at insn {self.insn}{self.detail}",
            "leaked": f"ref {self.ref} leaked at exit insn {self.insn}{self.detail}",
        }.get(self.kind, f"ref {self.ref} {self.kind} at insn {self.insn}{self.detail}")


@dataclass
class Annotated:
    lines: list[tuple[str, list[Event]]] = field(default_factory=list)  # each log line, events after it
    events: list[Event] = field(default_factory=list)  # in order, deduplicated

    def by_ref(self) -> dict[int, list[Event]]:
        out: dict[int, list[Event]] = {}
        for e in self.events:
            out.setdefault(e.ref, []).append(e)
        return out


def split_state(state: str) -> list[str]:
    """State text split on spaces outside parentheses (`var_off=(0x0; 0xff)` stays whole)."""
    out: list[str] = []
    cur: list[str] = []
    depth = 0
    for ch in state:
        if ch in "([":
            depth += 1
        elif ch in ")]" and depth:
            depth -= 1
        if ch == " " and depth == 0:
            if cur:
                out.append("".join(cur))
            cur = []
        else:
            cur.append(ch)
    if cur:
        out.append("".join(cur))
    return out


def parse_state(state: str) -> tuple[dict[str, tuple[int | None, str]], set[int]]:
    """({holder: (ref id or None, value)}, refs) of a printed state; holders in frame N > 0 are
    named `frameN:R1`."""
    holders: dict[str, tuple[int | None, str]] = {}
    refs: set[int] = set()
    frame = ""
    for tok in split_state(state):
        if re.fullmatch(r"frame\d+:", tok):
            frame = "" if tok == "frame0:" else tok
            continue
        m = _REFS_RE.match(tok)
        if m:
            refs |= {int(x) for x in m["ids"].split(",") if x}
            continue
        m = _HOLDER_RE.match(tok)
        if m:
            r = _REF_RE.search(m["value"])
            holders[frame + m["name"]] = (int(r.group(1)) if r else None, m["value"])
    return holders, refs


def _is_call(text: str) -> str | None:
    m = re.match(r"call (\S+)", text)
    return m.group(1) if m else None


class _Scanner:
    def __init__(self) -> None:
        self.holders: dict[str, tuple[int | None, str]] = {}
        self.refs: set[int] = set()
        self.seen: set[int] = set()
        self.before: dict[int, tuple[dict[str, tuple[int | None, str]], set[int]]] = {}
        self.last_insn: int | None = None
        self.last_text = ""
        self.events: list[Event] = []
        self.keys: set[tuple[int, str, int, str]] = set()

    def emit(self, out: list[Event], ev: Event) -> None:
        key = (ev.ref, ev.kind, ev.insn, ev.detail)
        if key in self.keys:
            return
        self.keys.add(key)
        self.events.append(ev)
        out.append(ev)

    def _acquire(self, out: list[Event], refs: set[int], at: int | None, holders: dict[str, Any]) -> None:
        for r in sorted(refs - self.seen):
            self.seen.add(r)
            who = [h for h, (ref, _) in holders.items() if ref == r]
            for h in who:  # the first holders are where it was acquired, not copies
                self.holders[h] = holders[h]
            call = _is_call(self.last_text) if at == self.last_insn else None
            detail = (f" ({call})" if call else "") + (f" in {', '.join(who)}" if who else "")
            self.emit(out, Event(r, "acquired", at if at is not None else 0, detail))

    def _moves(self, out: list[Event], new: dict[str, tuple[int | None, str]], at: int) -> None:
        """Copies / spills / fills / null checks: holders whose reference or type changed."""
        for h, (ref, value) in new.items():
            if ref is None:
                continue
            old_ref, old_value = self.holders.get(h, (None, ""))
            if old_ref == ref:
                if "or_null" in old_value and "or_null" not in value:
                    self.emit(out, Event(ref, "null-checked", at, f" ({h} is not NULL past it)"))
                continue
            if ref not in self.seen:
                continue
            src_spilled = any(k.split(":")[-1].startswith("fp") for k, (r2, _) in self.holders.items() if r2 == ref)
            if h.split(":")[-1].startswith("fp"):
                self.emit(out, Event(ref, "spilled", at, h))
            elif src_spilled and not any(not k.split(":")[-1].startswith("fp")
                                         for k, (r2, _) in self.holders.items() if r2 == ref):
                self.emit(out, Event(ref, "filled", at, h))
            else:
                self.emit(out, Event(ref, "copied", at, h))

    def _drop(self, out: list[Event], gone: set[int], at: int, how: str) -> None:
        for r in sorted(gone):
            self.emit(out, Event(r, how, at, f" ({_is_call(self.last_text)})" if how == "released"
                                 and _is_call(self.last_text) else ""))
        self.holders = {h: v for h, v in self.holders.items() if v[0] not in gone}

    def line(self, raw: str) -> list[Event]:
        out: list[Event] = []
        line = raw.rstrip()
        m = INSN_LINE_RE.match(line)
        if m:
            insn = int(m["insn"])
            self.before[insn] = (dict(self.holders), set(self.refs))
            text, *rest = _STATE_SEP_RE.split(m["text"], maxsplit=1)
            self.last_insn, self.last_text = insn, text.strip()
            call = _is_call(self.last_text)
            if call and not self.last_text.startswith("call pc"):  # helpers/kfuncs clobber R1-R5
                for reg in ("R1", "R2", "R3", "R4", "R5"):
                    self.holders.pop(reg, None)
            if not rest:
                return out
            new, refs = parse_state(rest[0])
            self._acquire(out, refs, insn, new)
            self._moves(out, new, insn)
            gone = self.refs - refs
            if gone:
                kind = "released" if call else "null-branch"
                if kind == "null-branch":
                    for r in sorted(gone):
                        self.emit(out, Event(r, kind, insn, f"the fallthrough of insn {insn}"))
                    self.holders = {h: v for h, v in self.holders.items() if v[0] not in gone}
                else:
                    self._drop(out, gone, insn, kind)
            for h, v in new.items():
                self.holders[h] = v
            self.refs = refs
            return out
        m = FROM_LINE_RE.match(line)
        if m:
            src, dst = int(m["src"]), int(m["insn"])
            new, refs = parse_state(m["state"])
            base_holders, base_refs = self.before.get(src, (self.holders, self.refs))
            self.holders, self.refs = dict(base_holders), set(base_refs)
            self._acquire(out, refs, src, new)
            for r in sorted(self.refs - refs):
                self.emit(out, Event(r, "null-branch", src, f"the branch from insn {src} to {dst}"))
            for h, (ref, value) in new.items():
                old_ref, old_value = self.holders.get(h, (None, ""))
                if ref is not None and old_ref == ref and "or_null" in old_value and "or_null" not in value:
                    self.emit(out, Event(ref, "null-checked", src, f" ({h} is not NULL on the branch to {dst})"))
            self.holders, self.refs = new, refs
            self.last_insn, self.last_text = src, ""
            return out
        m = STATE_LINE_RE.match(line)
        if m:  # the full state before insn N: after the last instruction printed
            new, refs = parse_state(m["state"])
            at = self.last_insn if self.last_insn is not None else int(m["insn"])
            self._acquire(out, refs, at, new)
            self._moves(out, new, at)
            gone = self.refs - refs
            if gone and _is_call(self.last_text):
                self._drop(out, gone, at, "released")
            self.holders, self.refs = new, refs
        return out


def annotate_log(log: str, errors: list[str] | None = None, error_insn: int | None = None) -> Annotated:
    """Each line of a (level 2) verifier log with the reference events it shows."""
    sc = _Scanner()
    ann = Annotated()
    lines = log.splitlines()
    for raw in lines:
        ann.lines.append((raw, sc.line(raw)))
    errs = errors if errors is not None else [ln for ln in lines if _UNRELEASED_RE.search(ln)]
    for e in errs:
        m = _UNRELEASED_RE.search(e)
        if m:
            ref, alloc = int(m.group(1)), int(m.group(2))
            if ref not in sc.seen:
                sc.seen.add(ref)
                sc.emit([], Event(ref, "acquired", alloc))
            at = error_insn if error_insn is not None else (sc.last_insn or 0)
            leak = Event(ref, "leaked", at, f" (alloc_insn={alloc})")
            sc.emit([], leak)
            for k in range(len(ann.lines) - 1, -1, -1):  # after the error line
                if _UNRELEASED_RE.search(ann.lines[k][0]):
                    ann.lines[k][1].append(leak)
                    break
    ann.events = sc.events
    return ann


def format_annotated(ann: Annotated, *, color: bool = False) -> str:
    def paint(s: str) -> str:
        return f"\033[36m{s}\033[0m" if color else s

    out = []
    for raw, evs in ann.lines:
        out.append(raw)
        for e in evs:
            out.append(paint(f"        ^ {e.text()}"))
    refs = ann.by_ref()
    out.append("")
    if not refs:
        out.append("References: none acquired on the explored paths.")
    else:
        out.append("References:")
        for r, evs in sorted(refs.items()):
            out.append(f"  ref {r}:")
            for e in evs:
                out.append(f"    - {e.text().removeprefix(f'ref {r} ')}")
    return "\n".join(out) + "\n"


# --- the control-flow graph -------------------------------------------------------------------

def build_cfg(prog: Program) -> nx.DiGraph:
    """Basic blocks (node = first slot; attrs insns, label) and edges kind=fallthrough|taken|call."""
    import networkx as nx

    from ..isa.insn import Jmp
    from ..isa.printer_kernel import format_insn

    real = [i for i, _ in prog.instructions()]
    n = len(prog.insns)
    leaders = {0} | {f.insn for f in prog.funcs}
    for i in real:
        ins = prog.insns[i]
        if isinstance(ins, Jmp):
            if ins.is_exit:
                leaders.add(i + 1)
            elif ins.is_call:
                if ins.is_pseudo_call:
                    leaders.add(ins.target(i))
            else:
                leaders.add(ins.target(i))
                leaders.add(i + 1)
    leaders = {x for x in leaders if 0 <= x < n}
    g = nx.DiGraph()
    block_of: dict[int, int] = {}
    cur = None
    for i in real:
        if i in leaders or cur is None:
            cur = i
            g.add_node(cur, insns=[])
        g.nodes[cur]["insns"].append(i)
        block_of[i] = cur
    for b, data in g.nodes(data=True):
        last = data["insns"][-1]
        ins = prog.insns[last]
        nxt = last + ins.slots if hasattr(ins, "slots") else last + 1
        try:
            data["label"] = "\n".join(f"{i}: {format_insn(prog.insns[i], i)}" for i in data["insns"])
        except Exception:  # noqa: BLE001
            data["label"] = "\n".join(str(i) for i in data["insns"])
        if isinstance(ins, Jmp) and ins.is_exit:
            continue
        if isinstance(ins, Jmp) and not ins.is_call and not ins.is_cond:
            t = ins.target(last)
            if t in block_of:
                g.add_edge(b, block_of[t], kind="taken")
            continue
        if isinstance(ins, Jmp) and ins.is_cond:
            t = ins.target(last)
            if t in block_of:
                g.add_edge(b, block_of[t], kind="taken")
        if nxt in block_of:
            g.add_edge(b, block_of[nxt], kind="fallthrough")
    for i in real:  # calls to subprograms
        ins = prog.insns[i]
        if isinstance(ins, Jmp) and ins.is_pseudo_call and ins.target(i) in block_of:
            g.add_edge(block_of[i], block_of[ins.target(i)], kind="call")
    g.graph["block_of"] = block_of
    return g


def path_edges(g: nx.DiGraph, path: list[tuple[int, str]], start: int = 0) -> tuple[set[int], set[tuple[int, int]]]:
    """Blocks and edges the failing path goes through: walk from `start`, choosing each
    conditional jump's direction from `path`, until the last path entry (the error insn)."""
    block_of: dict[int, int] = g.graph["block_of"]
    if not path:
        return set(), set()
    dirs: dict[int, list[str]] = {}
    for i, d in path[:-1]:
        dirs.setdefault(i, []).append(d)
    target = path[-1][0]
    blocks: set[int] = set()
    edges: set[tuple[int, int]] = set()
    cur = block_of.get(start, start)
    taken_at: dict[int, int] = {}
    for _ in range(10 * len(g) + 10 * len(path) + 10):
        blocks.add(cur)
        insns = g.nodes[cur]["insns"]
        if target in insns:
            break
        last = insns[-1]
        succ = {d["kind"]: v for _, v, d in g.out_edges(cur, data=True) if d["kind"] != "call"}
        if len(succ) == 2:
            k = taken_at.get(last, 0)
            options = dirs.get(last, [])
            if k >= len(options):
                break
            taken_at[last] = k + 1
            nxt = succ.get(options[k])
        else:
            nxt = next(iter(succ.values()), None)
        if nxt is None:
            break
        edges.add((cur, nxt))
        cur = nxt
    else:
        pass
    # whatever the walk could not follow (calls into subprograms): mark the blocks at least
    for i, d in path:
        if i in block_of:
            blocks.add(block_of[i])
    return blocks, edges


def _dot_escape(s: str) -> str:
    return s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\l") + "\\l"


def cfg_dot(prog: Program, path: list[tuple[int, str]] | None = None, error_insn: int | None = None,
            start: int = 0) -> str:
    """Graphviz DOT text of the program's CFG; the failing path in red, the error block filled."""
    g = build_cfg(prog)
    blocks, edges = path_edges(g, list(path or []), start)
    err_block = g.graph["block_of"].get(error_insn) if error_insn is not None else None
    name = re.sub(r"[^A-Za-z0-9_]", "_", prog.section or prog.name) or "prog"
    out = [f'digraph "{name}" {{', '  node [shape=box, fontname="monospace", fontsize=10];',
           '  edge [fontname="monospace", fontsize=9];']
    for b, data in sorted(g.nodes(data=True)):
        attrs = [f'label="{_dot_escape(data["label"])}"']
        if b == err_block:
            attrs += ['color="red"', 'style="filled,bold"', 'fillcolor="#ffdddd"']
        elif b in blocks:
            attrs += ['color="red"', 'style="bold"']
        out.append(f"  b{b} [{', '.join(attrs)}];")
    for u, v, data in sorted(g.edges(data=True)):
        kind = data["kind"]
        attrs = [f'label="{kind}"']
        if kind == "call":
            attrs.append('style="dashed"')
        if (u, v) in edges:
            attrs += ['color="red"', 'penwidth=2']
        out.append(f"  b{u} -> b{v} [{', '.join(attrs)}];")
    out.append("}")
    return "\n".join(out) + "\n"


# --- the command ------------------------------------------------------------------------------

def _results(args: argparse.Namespace) -> list[tuple[Program, Result]]:
    from ..frontend import load
    from .check import PROG_TYPES

    pt = PROG_TYPES[args.prog_type] if args.prog_type else None
    programs = load(args.file, pt)
    if args.program:
        programs = [p for p in programs if (p.section or p.name) == args.program]
        if not programs:
            raise InputError(args.file, 0, 0, f"no program named {args.program!r}")
    privileged = not args.unprivileged
    if privileged and Path(args.file).suffix in (".s", ".asm"):
        from ..corpus import read_file

        try:
            privileged = read_file(args.file).privileged
        except (OSError, ValueError):
            pass
    out = []
    for prog in programs:
        if args.kernel:
            from ..kernel.loader import KernelUnavailable
            from ..kernel.loader import load as kload

            try:
                res = kload(prog, log_level=2, privileged=privileged)
            except KernelUnavailable as e:
                raise InputError(args.file, 0, 0, f"--kernel: {e.reason}") from None
        else:
            from ..model import check

            res = check(prog, profile=args.profile, privileged=privileged, log_level=2,
                        time_limit=args.time_limit)
        out.append((prog, res))
    return out


def run(args: argparse.Namespace) -> int:
    from ..report.text import use_color

    color = use_color(sys.stdout)
    if args.log:
        try:
            text = Path(args.file).read_text()
        except (OSError, UnicodeDecodeError) as e:
            raise InputError(args.file, 0, 0, f"cannot read: {e}") from None
        sys.stdout.write(format_annotated(annotate_log(text), color=color))
        if args.dot:
            print("explain: --dot needs a program, not a log", file=sys.stderr)
            return 2
        return 0
    pairs = _results(args)
    status = 0
    dots = []
    for prog, res in pairs:
        if len(pairs) > 1:
            sys.stdout.write(f"=== {prog.section or prog.name} ===\n")
        if res.verdict == "error":
            print(f"{args.file}: the model could not decide: {res.extra.get('unsupported') or res.extra}",
                  file=sys.stderr)
            status = 2
            continue
        ann = annotate_log(res.log, res.errors, res.insn)
        sys.stdout.write(format_annotated(ann, color=color))
        if res.verdict == "reject" and status == 0:
            status = 1
        dots.append(cfg_dot(prog, res.path if res.verdict == "reject" else None,
                            res.insn if res.verdict == "reject" else None,
                            int(res.extra.get("path_start", 0)) if res.extra else 0))
    if args.dot:
        Path(args.dot).write_text("".join(dots))
    return status
