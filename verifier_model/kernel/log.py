"""Reading the kernel verifier's log (kernel/bpf/log.c, verifier.c print formats).

Shared by the oracle (error block, stats) and `diff` (the level-2 state trace); the model
prints the same format, so the same parser reads both.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

# "processed N insns (limit 1000000) max_states_per_insn M total_states T peak_states P mark_read R"
STATS_RE = re.compile(
    r"^processed (?P<processed>\d+) insns \(limit (?P<limit>\d+)\) "
    r"max_states_per_insn (?P<max_states>\d+) total_states (?P<total>\d+) "
    r"peak_states (?P<peak>\d+) mark_read (?P<mark_read>\d+)"
)
# an instruction as do_check prints it: "21: (15) if r1 == 0x5 goto pc+2"
INSN_LINE_RE = re.compile(r"^(?P<insn>\d+): \((?P<code>[0-9a-f]{2})\) (?P<text>.*)$")
# a full state at an instruction: "24: R0=ptr_nf_conn(ref_obj_id=2) ..." / "9: frame1: R1=..."
STATE_LINE_RE = re.compile(r"^(?P<insn>\d+): (?P<state>(?:frame\d+: )?(?:R\d+|fp-?\d+)\S*=.*)$")
FROM_LINE_RE = re.compile(r"^from (?P<src>\d+) to (?P<insn>\d+): ?(?P<state>.*)$")
# do_check's branch-taken print at level 1: "21: (15) if r1 == 0x5 goto pc+2 24: R0=..."
_STATE_SEP_RE = re.compile(r"\s+;(?: |$)")  # between an insn and the registers it changed
_INLINE_STATE_RE = re.compile(r"^(?P<insn_text>.*?) (?P<insn>\d+): (?P<state>(?:frame\d+: )?R\d+.*)$")


@dataclass(frozen=True, slots=True)
class Stats:
    processed: int
    max_states_per_insn: int
    total_states: int
    peak_states: int
    mark_read: int


def parse_stats(log: str) -> Stats | None:
    """The last `processed N insns ...` line, if any."""
    found = None
    for line in log.splitlines():
        m = STATS_RE.match(line)
        if m:
            found = m
    if found is None:
        return None
    return Stats(
        processed=int(found["processed"]),
        max_states_per_insn=int(found["max_states"]),
        total_states=int(found["total"]),
        peak_states=int(found["peak"]),
        mark_read=int(found["mark_read"]),
    )


def error_block(log: str) -> tuple[int | None, list[str]]:
    """(index of the last instruction line, the error block) as docs/ARCHITECTURE.md defines
    them: the lines after the last instruction line up to `processed`, or for load-time errors
    (no instruction line) every line before `processed`. Blank lines and what only level 2
    prints (LEVEL2_NOISE_RE) are dropped, so the block is the same at either level."""
    lines = log.splitlines()
    end = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        if STATS_RE.match(lines[i]):
            end = i
            break
    last = None
    for i in range(end - 1, -1, -1):
        if INSN_LINE_RE.match(lines[i]):
            last = i
            break
    if last is None:
        return None, [ln for ln in lines[:end] if ln.strip() and not LEVEL2_NOISE_RE.match(ln)]
    m = INSN_LINE_RE.match(lines[last])
    assert m is not None
    block = lines[last + 1 : end]
    glued = _GLUED_ERROR_RE.search(lines[last])
    if glued:  # the error followed the jump's line before the popped branch's state was printed
        block = [glued["error"], *block]
    return int(m["insn"]), [ln for ln in block if ln.strip() and not LEVEL2_NOISE_RE.match(ln)]


# At level 1 a popped branch's state goes on its jump's line, printed at the top of the next
# do_check iteration; the two errors checked before that print (the 1M-insn limit, then
# is_state_visited's loop check) land on the jump's line instead:
# "5: (55) if r2 != 0x0 goto pc-5 BPF program is too large. Processed 1000001 insn"
_GLUED_ERROR_RE = re.compile(
    r"goto pc[+-]\d+ (?P<error>BPF program is too large\. Processed \d+ insn|infinite loop detected at insn \d+)$"
)


# what only log level 2 prints besides states: subprogram list, the liveness table,
# precision backtracking, stack liveness updates
LEVEL2_NOISE_RE = re.compile(
    r"^(func#\d+ @\d+$|Live regs before insn:$|\s+\d+: \S+ \([0-9a-f]{2}\) |mark_precise: "
    r"|\(\d+\) frame \d+ insn \d+ |\(\d+\) live stack update )"
)


@dataclass(frozen=True, slots=True)
class TraceLine:
    """One state-carrying line of a level-2 log.

    kind: 'state' (`N: R0=...`, the full state before insn N), 'from' (`from X to N: ...`),
    'insn' (`N: (xx) text ; R...`, the registers insn N changed). `state` is the printed state
    with alignment padding removed ('' when the line prints none).
    """

    lineno: int
    insn: int
    kind: str
    state: str
    text: str  # the instruction text for 'insn', else ''
    line: str


def parse_trace(log: str) -> list[TraceLine]:
    """The state-carrying lines of a (level 1 or 2) verifier log, in order."""
    out: list[TraceLine] = []
    for n, raw in enumerate(log.splitlines(), 1):
        line = raw.rstrip()
        m = INSN_LINE_RE.match(line)
        if m:
            insn = int(m["insn"])
            text, *rest = _STATE_SEP_RE.split(m["text"], maxsplit=1)
            state = rest[0] if rest else ""
            inline = _INLINE_STATE_RE.match(text) if not state else None
            if inline:  # the branch state printed on the jump's own line
                out.append(TraceLine(n, insn, "insn", "", inline["insn_text"].strip(), line))
                out.append(TraceLine(n, int(inline["insn"]), "state", _squash(inline["state"]), "", line))
                continue
            out.append(TraceLine(n, insn, "insn", _squash(state), text.strip(), line))
            continue
        m = FROM_LINE_RE.match(line)
        if m:
            out.append(TraceLine(n, int(m["insn"]), "from", _squash(m["state"]), "", line))
            continue
        m = STATE_LINE_RE.match(line)
        if m:
            out.append(TraceLine(n, int(m["insn"]), "state", _squash(m["state"]), "", line))
    return out


def _squash(s: str) -> str:
    return " ".join(s.split())
