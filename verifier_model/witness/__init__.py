"""Is the rejecting path real? z3 witnesses for verifier rejections, and a bounded check of accepts.

`explain_path(program, result)` takes the path the verifier (model or kernel) followed to its
error (`Result.path`, `Result.insn`, `Result.errors`) and encodes it exactly in z3
(witness/symbolic.py):

* SAT: some run takes that path and really faults there. The model becomes concrete inputs
  (packet, ctx fields, prandom values, which lookups return NULL, initial stack bytes) and
  witness/concrete.py replays them to confirm the fault.
* UNSAT: no run takes the path, or none faults at its end. The verifier rejected because its
  abstract domain could not rule the path out; `imprecise_branch` names the first branch whose
  direction is impossible (the shortest unsatisfiable prefix of the path), or, when every branch
  is possible but the fault is not, `imprecise_insn` is the error instruction itself (bounds
  lost through a division, a spill, ...).

`check_accept(program)` is an independent bounded check for accepted programs: every path (loops
unrolled up to `bound`) is executed symbolically, and no feasible one may reach an exit holding
an acquired reference or release one twice.
"""
from __future__ import annotations

import re
import time
from typing import Any

import z3

from ..isa.insn import Alu, Jmp
from ..program import Program
from ..result import Result
from .concrete import CallKind, ErrorKind, Execution, Inputs, Unsupported, call_name, call_spec, ctx_size, run
from .symbolic import (
    Constraint,
    Executor,
    PathError,
    SymState,
    any_of,
    explore,
    follow_path,
    is_false,
)

NULL, UAR, DOUBLE, OOB, BAD, LEAK = (ErrorKind.NULL_DEREF, ErrorKind.USE_AFTER_RELEASE,
                                     ErrorKind.DOUBLE_RELEASE, ErrorKind.OUT_OF_BOUNDS,
                                     ErrorKind.BAD_OBJECT, ErrorKind.LEAK)

# Kernel error lines -> the runtime faults that line can stand for. The first line of the error
# block that matches decides. Lines not here are policy rules (types, uninitialised registers,
# ctx field permissions, ...): no runtime fault to witness, only the path's reachability.
_MESSAGE_KINDS: tuple[tuple[re.Pattern[str], frozenset[ErrorKind]], ...] = tuple(
    (re.compile(pattern), frozenset(kinds)) for pattern, kinds in (
        (r"Unreleased reference|would lead to reference leak", {LEAK}),
        (r"invalid mem access '\w*or_null\w*'", {NULL}),
        (r"invalid mem access '(scalar|inv)'", {NULL, UAR, OOB}),
        (r"Possibly NULL pointer passed to trusted", {NULL}),
        (r"must point to scalar, or struct with scalar", {DOUBLE, UAR, BAD}),
        ((r"must have zero offset when passed to release func|must be referenced or trusted"
         r"|expected pointer to STRUCT|expects refcounted|reference has not been acquired before"
         r"|variable ptr_ access"), {DOUBLE, UAR, BAD}),
        ((r"invalid access to (map value|packet)|offset is outside of the packet"
         r"|value is outside of the allowed memory range|min value is negative|unbounded memory access"
         r"|math between \w+ pointer and register with unbounded|access beyond struct nf_conn(?:___init)? at off"
         r"|invalid negative access|invalid variable offset"), {OOB}),
    )
)
_STACK_MSG = re.compile(r"invalid (?:indirect )?(?:read|write|access) (?:from |to )?stack R\d+ off=(-?\d+) size=(\d+)")
_CTX_MSG = re.compile(r"invalid bpf_context access off=(-?\d+) size=(\d+)")


def error_kinds(program: Program, result: Result) -> tuple[frozenset[ErrorKind] | None, str]:
    """The runtime faults the verifier's error may stand for, or None (and why) for policy errors."""
    for line in result.errors:
        m = _STACK_MSG.search(line)
        if m:
            off, size = int(m[1]), int(m[2])
            if off < -512 or off + size > 0:
                return frozenset({OOB}), ""
            return None, f"policy rule, not a runtime fault: {line!r}"
        m = _CTX_MSG.search(line)
        if m:
            off, size = int(m[1]), int(m[2])
            if off < 0 or off + size > ctx_size(int(program.prog_type)):
                return frozenset({OOB}), ""
            return None, f"policy rule, not a runtime fault: {line!r}"
        for pattern, kinds in _MESSAGE_KINDS:
            if pattern.search(line):
                return kinds, ""
    first = result.errors[-1] if result.errors else "(no error text)"
    return None, f"no runtime fault corresponds to {first!r}"


SMALL_PACKET = 64


def _solver(timeout_ms: int, background: list[z3.BoolRef]) -> z3.Solver:
    s = z3.Solver()
    s.set("timeout", timeout_ms)
    s.add(*background)
    return s


def _first_impossible(s: z3.Solver, constraints: list[Constraint], lits: list[z3.BoolRef]) -> int:
    """Index of the first constraint whose path prefix is unsatisfiable (the whole path is).
    Prefix satisfiability is monotone, so a binary search finds it in log2(n) checks; a branch
    that folds to false on its own bounds the search first."""
    hi = len(constraints) - 1
    for i, c in enumerate(constraints):
        if is_false(c.cond):
            hi = i
            break
    lo = 0
    while lo < hi:
        mid = (lo + hi) // 2
        if s.check(*lits[:mid + 1]) == z3.unsat:
            hi = mid
        else:
            lo = mid + 1
    return lo


def _replay(program: Program, inputs: Inputs, *, start: int, max_steps: int) -> Execution | str:
    try:
        return run(program, inputs, max_steps=max_steps, start=start)
    except Unsupported as e:
        return f"replay unsupported: {e}"


def _replay_report(program: Program, inputs: Inputs, kinds: frozenset[ErrorKind] | None, target: int,
                   branches: list[tuple[int, str]], *, start: int, max_steps: int) -> dict[str, Any]:
    """Run the witness concretely; it is confirmed when the same kind of fault happens at the
    same instruction, or, when the error is pointer arithmetic (an ALU instruction) out of
    bounds, when the concrete run moves a pointer out of its region at that instruction."""
    exe = _replay(program, inputs, start=start, max_steps=max_steps)
    if isinstance(exe, str):
        return {"replayed": False, "replay": {"reason": exe}}
    report: dict[str, Any] = {"replay": exe.as_dict()}
    concrete = [b for b in exe.branches][: len(branches)]
    report["replay"]["branches_match"] = concrete == branches
    ok = False
    if kinds is not None and isinstance(program.insns[target], Alu):
        ok = OOB in kinds and any(e.insn == target for e in exe.escapes)
    elif exe.error is not None and kinds is not None and exe.error.kind in kinds:
        ok = exe.error.insn == target
    report["replayed"] = ok
    return report


def _branch_directions(constraints: list[Constraint]) -> list[tuple[int, str]]:
    return [(c.insn, c.label) for c in constraints if c.label in ("taken", "fallthrough")]


def _target_and_start(program: Program, result: Result) -> tuple[int | None, int]:
    """The error instruction, and where the verified path starts: `extra['path_start']`, else
    the entry of the global subprogram the whole path lies in (the kernel verifies a global
    function on its own, as frame 0 with R1 = ctx), else 0."""
    target = result.insn
    if target is None and result.path:
        target = result.path[-1][0]
    if result.extra and "path_start" in result.extra:
        return target, int(result.extra["path_start"])
    if target is not None:
        starts = sorted(f.insn for f in program.funcs) + [len(program.insns)]
        for f in program.funcs:
            if f.linkage != "global":
                continue
            end = min(x for x in starts if x > f.insn)
            if f.insn <= target < end and all(f.insn <= i < end for i, _ in result.path):
                return target, f.insn
    return target, 0


def explain_path(program: Program, result: Result, *, timeout_ms: int = 5000) -> dict[str, Any]:
    """Decide whether the path the verifier rejected on can happen and fault (see module doc).

    Returns {"feasible": True|False|None, "path": [insn...], "inputs": {...} (feasible),
    "imprecise_branch": insn (infeasible path), "imprecise_insn": insn (infeasible),
    "imprecise_direction" / "imprecise_visit" (which direction, on the n-th visit of that branch),
    "path_cut": True when the path was only followed up to its impossible prefix,
    "reason": str (infeasible / unknown), "replayed": bool, "error_kinds": [...], "time": s}.
    """
    t0 = time.monotonic()
    out: dict[str, Any] = {"feasible": None, "path": [i for i, _ in result.path], "replayed": False}
    target, start = _target_and_start(program, result)
    kinds, policy_reason = error_kinds(program, result)
    out["error_kinds"] = sorted(k.value for k in kinds) if kinds else []
    try:
        if target is None:
            raise PathError("the result names no error instruction and has no path")
        followed = follow_path(program, result.path, target, start=start)
        out["path"] = followed.insns
        if followed.cut:
            out["path_cut"] = True
        out.update(_decide(program, followed.executor, followed.state, target, kinds, policy_reason,
                           timeout_ms=timeout_ms, start=start, path_len=len(followed.insns),
                           cut=followed.cut))
    except (PathError, Unsupported, z3.Z3Exception) as e:
        out["reason"] = str(e)
    out["time"] = round(time.monotonic() - t0, 4)
    return out


def _decide(program: Program, ex: Executor, st: SymState, target: int, kinds: frozenset[ErrorKind] | None,
            policy_reason: str, *, timeout_ms: int, start: int, path_len: int, cut: bool = False) -> dict[str, Any]:
    constraints = st.constraints
    if cut:  # the branches so far are already impossible: st is not at the target
        after, violation = st, z3.BoolVal(False)
    else:
        after = st.copy()
        step = ex.step(after, kinds or frozenset())
        violation = any_of(v for k, v in step.violations if kinds and k in kinds)
    s = _solver(timeout_ms, ex.background())
    lits = [z3.Bool(f"__b{i}") for i in range(len(constraints))]
    for lit, c in zip(lits, constraints, strict=True):
        s.add(z3.Implies(lit, c.cond))
    vlit = z3.Bool("__violation")
    s.add(z3.Implies(vlit, violation))
    out: dict[str, Any] = {}
    if kinds is not None and not is_false(violation):
        small = z3.Bool("__small_packet")  # prefer a short packet in the witness
        s.add(z3.Implies(small, z3.ULE(ex.pkt_len, SMALL_PACKET)))
        r = s.check(*lits, vlit, small)
        if r != z3.sat:
            r = s.check(*lits, vlit)
        if r == z3.sat:
            inputs = ex.inputs_from_model(after, s.model())
            out.update(feasible=True, inputs=inputs.as_dict())
            out.update(_replay_report(program, inputs, kinds, target, _branch_directions(constraints),
                                      start=start, max_steps=max(10 * path_len, 100_000)))
            return out
        if r == z3.unknown:
            return {"feasible": None, "reason": f"z3 gave up after {timeout_ms} ms ({s.reason_unknown()})"}
    r = s.check(*lits)
    if r == z3.unknown:
        return {"feasible": None, "reason": f"z3 gave up after {timeout_ms} ms ({s.reason_unknown()})"}
    if cut and r == z3.sat:
        return {"feasible": None, "reason": f"the path cannot go on from insn {st.pc}: no successor is possible"}
    if r == z3.unsat:
        k = _first_impossible(s, constraints, lits)
        c = constraints[k]
        visit = sum(1 for x in constraints[:k + 1] if x.insn == c.insn)
        nth = f" for the {_ordinal(visit)} time" if visit > 1 else ""
        return {"feasible": False, "imprecise_branch": c.insn, "imprecise_insn": c.insn,
                "imprecise_direction": c.label, "imprecise_visit": visit,
                "reason": f"no run goes {c.label} at insn {c.insn}{nth} after the branches before it on this "
                          "path: the verifier's abstract state could not rule that direction out"}
    if kinds is None:
        inputs = ex.inputs_from_model(after, s.model())
        return {"feasible": None, "reachable": True, "inputs": inputs.as_dict(), "reason": policy_reason}
    return {"feasible": False, "imprecise_branch": None, "imprecise_insn": target,
            "reason": f"every branch on the path is possible, but no run faults ({', '.join(sorted(kinds))}) "
                      f"at insn {target}: {_why_no_fault(program, target)}"}


def _ordinal(n: int) -> str:
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


def _why_no_fault(program: Program, target: int) -> str:
    insn = program.insns[target]
    if isinstance(insn, Jmp) and insn.is_call:
        spec = call_spec(call_name(insn), kfunc=insn.is_kfunc_call)
        if spec.null_ok:
            return f"{call_name(insn)}(NULL) is a no-op at run time, so the rejection is a policy rule"
        if spec.kind in (CallKind.CT_ACQUIRE, CallKind.SK_ACQUIRE):
            return (f"{call_name(insn)} validates its sizes at run time and returns NULL before touching "
                    "memory it was not given")
    return "the verifier lost precision about the values used there"


def check_accept(program: Program, *, bound: int = 32, timeout_ms: int = 5000, max_steps: int = 200_000,
                 time_limit: float = 60.0,
                 kinds: frozenset[ErrorKind] = frozenset({LEAK, DOUBLE})) -> dict[str, Any]:
    """Bounded symbolic check of an accepted program: no feasible path (loops unrolled `bound`
    times) exits holding a reference or releases one twice. Returns {"ok": True|False|None,
    "counterexample": {...} | None, "complete": bool, "paths": n, "steps": n, "reason": str,
    "time": s}. ok=True is a bounded claim: when `complete` is False some path was cut (loop bound,
    step or time limit, unsupported call) and `reason` says where."""
    t0 = time.monotonic()
    res = explore(program, kinds, bound=bound, timeout_ms=timeout_ms, max_steps=max_steps,
                  time_limit=time_limit)
    out: dict[str, Any] = {"ok": True, "counterexample": None, "complete": res.complete, "paths": res.paths,
                           "steps": res.steps}
    if res.found is not None:
        f = res.found
        inputs = res.executor.inputs_from_model(f.state, f.model)
        cex: dict[str, Any] = {"kind": f.kind.value, "insn": f.insn,
                               "path": [(c.insn, c.label) for c in f.state.constraints],
                               "inputs": inputs.as_dict()}
        cex.update(_replay_report(program, inputs, frozenset({f.kind}), f.insn,
                                  _branch_directions(f.state.constraints), start=0,
                                  max_steps=max(10 * res.steps, 100_000)))
        out.update(ok=False, counterexample=cex)
    if res.reasons:
        out["reason"] = "; ".join(res.reasons)
    out["time"] = round(time.monotonic() - t0, 4)
    return out


__all__ = ["ErrorKind", "Inputs", "check_accept", "error_kinds", "explain_path"]
