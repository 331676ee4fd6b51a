"""The live-kernel oracle: load a Program with BPF_PROG_LOAD and read the verifier's answer.

Maps named by the program are created for the load; kfunc calls written by name get the
running kernel's BTF id; programs with subprograms get a program BTF with func_info
(verifier_model.btf.func_info); programs with C line info (`Program.c_locs`, from an ELF
object's .BTF.ext) also pass it as line_info, so the log shows `; source @ file:line` lines.
Every fd is closed before returning. Accepted programs are unloaded at once (the fd is
closed); nothing is attached.
"""
from __future__ import annotations

import ctypes
import errno as errno_mod
import os
import platform
import signal
import struct
import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import replace
from functools import lru_cache

from ..isa.codec import encode
from ..isa.insn import Insn, Jmp, LoadImm64
from ..isa.opcodes import (
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_IDX,
    PSEUDO_MAP_IDX_VALUE,
    PSEUDO_MAP_VALUE,
    ProgType,
)
from ..program import Program, SourceLoc
from ..result import Result
from .log import error_block, parse_stats
from .privilege import CAP_PERFMON, CAP_SYS_ADMIN, LoadTimeout, run_in_child
from .syscall import (
    BPF_PROG_LOAD,
    LOG_SIZE_MAX,
    BpfSyscallError,
    FuncInfoRec,
    ProgLoadAttr,
    bpf,
    btf_load,
    map_create,
    obj_name,
)

DEFAULT_LOG_SIZE = 16 << 20
DEFAULT_TIMEOUT = 60.0
UNPRIVILEGED_DROP = (CAP_PERFMON, CAP_SYS_ADMIN)


class KernelUnavailable(RuntimeError):
    """bpf(BPF_PROG_LOAD) cannot be used here; `reason` says why in plain words."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


def kernel_release() -> str:
    """The running kernel's version, '6.18.44' for '6.18.44-fc-v669'."""
    return platform.release().split("-")[0]


@lru_cache(maxsize=1)
def available() -> tuple[bool, str]:
    """Can this process load BPF programs? (ok, reason): probes with `r0 = 0; exit`."""
    if platform.system() != "Linux":
        return False, f"the kernel oracle needs Linux (this is {platform.system()})"
    probe = Program(insns=(Insn(0xB7, 0, 0, 0, 0), Insn(0x95)), prog_type=ProgType.SOCKET_FILTER)
    try:
        fd = _prog_load(probe, encode(probe.insns), log_level=0, log_size=0)[0]
    except _LoadFailed as e:
        if e.errno == errno_mod.EPERM:
            return False, "bpf(BPF_PROG_LOAD) is not permitted (EPERM): run as root, or with CAP_BPF"
        if e.errno == errno_mod.ENOSYS:
            return False, "this kernel has no bpf() syscall (ENOSYS)"
        return False, f"bpf(BPF_PROG_LOAD) probe failed: {errno_mod.errorcode.get(e.errno, e.errno)}"
    os.close(fd)
    return True, f"bpf() works on Linux {platform.release()}"


def load(
    program: Program,
    *,
    log_level: int = 1,
    privileged: bool = True,
    log_size: int = DEFAULT_LOG_SIZE,
    timeout: float = DEFAULT_TIMEOUT,
) -> Result:
    """Load `program` into the running kernel and report the verifier's verdict as a Result.

    Unprivileged loads run in a child without CAP_PERFMON/CAP_SYS_ADMIN. Every load is bounded
    by `timeout` seconds (verdict 'error' when it runs out).
    """
    ok, reason = available()
    if not ok:
        raise KernelUnavailable(reason)
    program = with_kfunc_ids(program)  # here, so a forked child finds the BTF already read

    def attempt(in_process_deadline: float | None = None) -> Result:
        return _load_here(program, log_level=log_level, log_size=log_size, deadline=in_process_deadline)

    try:
        if not privileged:
            result = run_in_child(attempt, timeout=timeout, drop_caps=UNPRIVILEGED_DROP)
        elif threading.current_thread() is threading.main_thread():
            result = attempt(time.monotonic() + timeout)  # SIGALRM works only there
        else:
            result = run_in_child(attempt, timeout=timeout)
    except LoadTimeout:
        return _timeout_result(timeout)
    result.extra["privileged"] = privileged
    return result


def _timeout_result(timeout: float) -> Result:
    return Result(
        verdict="error",
        errno=errno_mod.EAGAIN,
        duration=timeout,
        source="kernel",
        extra={"reason": f"timeout: the load did not finish within {timeout:g} s"},
    )


@contextmanager
def _alarm(deadline: float | None) -> Iterator[list[bool]]:
    """A SIGALRM at `deadline` (monotonic; None: no alarm). A signal pending during the load
    makes the verifier give up with -EAGAIN (do_check checks signal_pending()); the yielded
    flag tells whether it fired."""
    fired = [False]
    if deadline is None:
        yield fired
        return

    def on_alarm(_signum: int, _frame: object) -> None:
        fired[0] = True

    old_handler = signal.signal(signal.SIGALRM, on_alarm)
    started = time.monotonic()
    old_delay, old_interval = signal.setitimer(signal.ITIMER_REAL, max(deadline - started, 1e-6))
    try:
        yield fired
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)
        if old_delay:  # someone else's timer (pytest-timeout, ...): re-arm what is left of it
            left = old_delay - (time.monotonic() - started)
            signal.setitimer(signal.ITIMER_REAL, max(left, 1e-6), old_interval)


def _load_here(program: Program, *, log_level: int, log_size: int, deadline: float | None) -> Result:
    with ExitStack() as fds:
        try:
            insns, fd_array = _create_maps(program, fds)
            btf_fd, func_info, line_info = _prog_btf(program, fds)
        except BpfSyscallError as e:
            return Result(
                verdict="error",
                errno=e.errno or 0,
                source="kernel",
                extra={"reason": f"setting up the load failed: {e.strerror}"},
            )
        code = encode(insns)
        size = log_size if log_level else 0
        while True:
            try:
                with _alarm(deadline) as fired:
                    fd, log, true_size, duration = _prog_load(
                        program, code, log_level=log_level, log_size=size, btf_fd=btf_fd,
                        func_info=func_info, line_info=line_info, fd_array=fd_array,
                    )
            except _LoadFailed as f:
                if fired[0] and f.errno == errno_mod.EAGAIN:
                    raise LoadTimeout from None
                if f.errno == errno_mod.ENOSPC and log_level and size < LOG_SIZE_MAX:
                    size = min(LOG_SIZE_MAX, max(2 * size, f.log_true_size + 1))
                    continue
                return _result(f.errno, f.log, f.duration, f.log_true_size, log_level)
            os.close(fd)
            return _result(0, log, duration, true_size, log_level)


def _result(err: int, log: str, duration: float, true_size: int, log_level: int) -> Result:
    stats = parse_stats(log)
    insn, errors = error_block(log) if err else (None, [])
    return Result(
        verdict="accept" if err == 0 else "reject",
        errors=errors,
        insn=insn,
        processed=stats.processed if stats else 0,
        states=stats.total_states if stats else 0,
        peak_states=stats.peak_states if stats else 0,
        log=log,
        errno=err,
        duration=duration,
        source="kernel",
        extra={
            "kernel": kernel_release(),
            "log_level": log_level,
            "log_true_size": true_size,
            "max_states_per_insn": stats.max_states_per_insn if stats else 0,
            "mark_read": stats.mark_read if stats else 0,
        },
    )


class _LoadFailed(Exception):
    def __init__(self, err: int, log: str, duration: float, log_true_size: int) -> None:
        super().__init__(err)
        self.errno = err
        self.log = log
        self.duration = duration
        self.log_true_size = log_true_size


def _prog_load(
    program: Program,
    code: bytes,
    *,
    log_level: int,
    log_size: int,
    btf_fd: int = 0,
    func_info: list[tuple[int, int]] | None = None,
    line_info: list[tuple[int, int, int, int]] | None = None,
    fd_array: list[int] | None = None,
) -> tuple[int, str, int, float]:
    """One BPF_PROG_LOAD: (fd, log, log_true_size, seconds), or raises _LoadFailed."""
    insns = ctypes.create_string_buffer(code, len(code))
    license = ctypes.create_string_buffer(program.license.encode())
    log = ctypes.create_string_buffer(log_size) if log_size else None
    attr = ProgLoadAttr(
        prog_type=int(program.prog_type),
        insn_cnt=len(code) // 8,
        insns=ctypes.addressof(insns),
        license=ctypes.addressof(license),
        log_level=log_level if log_size else 0,
        log_size=log_size,
        log_buf=ctypes.addressof(log) if log is not None else 0,
        prog_name=obj_name(program.name),
    )
    keep: list[object] = []
    if func_info:
        recs = (FuncInfoRec * len(func_info))(*(FuncInfoRec(off, tid) for off, tid in func_info))
        keep.append(recs)
        attr.prog_btf_fd = btf_fd
        attr.func_info_rec_size = ctypes.sizeof(FuncInfoRec)
        attr.func_info = ctypes.addressof(recs)
        attr.func_info_cnt = len(func_info)
    if func_info and line_info:
        lrecs = (LineInfoRec * len(line_info))(*(LineInfoRec(*rec) for rec in line_info))
        keep.append(lrecs)
        attr.line_info_rec_size = ctypes.sizeof(LineInfoRec)
        attr.line_info = ctypes.addressof(lrecs)
        attr.line_info_cnt = len(line_info)
    if fd_array:
        arr = (ctypes.c_int * len(fd_array))(*fd_array)
        keep.append(arr)
        attr.fd_array = ctypes.addressof(arr)
    start = time.perf_counter()
    try:
        fd = bpf(BPF_PROG_LOAD, attr)
    except BpfSyscallError as e:
        duration = time.perf_counter() - start
        text = _text(log) if log is not None else ""
        raise _LoadFailed(e.errno or 0, text, duration, attr.log_true_size) from None
    duration = time.perf_counter() - start
    return fd, _text(log) if log is not None else "", attr.log_true_size, duration


def _text(buf: ctypes.Array[ctypes.c_char]) -> str:
    return buf.value.decode("utf-8", "replace")


def _create_maps(program: Program, fds: ExitStack) -> tuple[list[Insn], list[int]]:
    """Create the program's maps: the instructions with their fds filled in, and the fd_array
    for PSEUDO_MAP_IDX references (the program's maps in order)."""
    map_fds: list[int] = []
    for m in program.maps:
        fd = map_create(m.map_type, m.key_size, m.value_size, m.max_entries, m.name)
        fds.callback(os.close, fd)
        map_fds.append(fd)
    index = {m.name: i for i, m in enumerate(program.maps)}
    insns = list(program.insns)
    uses_idx = False
    for i, insn in enumerate(insns):
        if isinstance(insn, LoadImm64) and insn.src in (PSEUDO_MAP_FD, PSEUDO_MAP_VALUE):
            k = index.get(insn.sym) if insn.sym else (insn.imm if 0 <= insn.imm < len(map_fds) else None)
            if k is not None:
                insns[i] = replace(insn, imm=map_fds[k])
        elif isinstance(insn, LoadImm64) and insn.src in (PSEUDO_MAP_IDX, PSEUDO_MAP_IDX_VALUE):
            uses_idx = True
            if insn.sym in index:
                insns[i] = replace(insn, imm=index[insn.sym])
    return insns, map_fds if uses_idx else []


def with_kfunc_ids(program: Program) -> Program:
    """Kfunc calls written by name (`sym`) get the BTF id of that FUNC in the running kernel's
    BTF (a name the kernel does not know keeps its imm)."""
    calls = [i for i, insn in enumerate(program.insns)
             if isinstance(insn, Jmp) and insn.is_call and insn.src == PSEUDO_KFUNC_CALL and insn.sym]
    if not calls:
        return program
    from ..btf import Kind, kernel_btf

    btf = kernel_btf()
    insns = list(program.insns)
    for i in calls:
        t = btf.find(insns[i].sym or "", Kind.FUNC)
        if t is not None:
            insns[i] = replace(insns[i], imm=t.id)
    return replace(program, insns=tuple(insns))


def _prog_btf(program: Program, fds: ExitStack) -> tuple[int, list[tuple[int, int]], list[tuple[int, int, int, int]]]:
    """Load the program BTF when the program has subprograms or C line info; (btf fd,
    func_info records, line_info records)."""
    from ..btf.func_info import build_prog_btf, subprog_starts

    starts = subprog_starts(program)
    lines = line_records(program, starts)
    if len(starts) < 2 and not lines:
        return 0, [], []
    blob, records = build_prog_btf(program)
    line_info: list[tuple[int, int, int, int]] = []
    if lines:
        blob, offs = _append_strings(blob, [s for _, loc in lines for s in (loc.file, loc.text)])
        line_info = [(insn, offs[loc.file], offs[loc.text], (loc.line << 10) | (loc.col & 0x3FF))
                     for insn, loc in lines]
    fd = btf_load(blob)
    fds.callback(os.close, fd)
    return fd, records, line_info


class LineInfoRec(ctypes.Structure):
    """struct bpf_line_info."""

    _fields_ = [("insn_off", ctypes.c_uint32), ("file_name_off", ctypes.c_uint32),
                ("line_off", ctypes.c_uint32), ("line_col", ctypes.c_uint32)]


def line_records(program: Program, starts: list[int]) -> list[tuple[int, SourceLoc]]:
    """The line_info to pass for `program.c_locs`: a record where the C location changes and
    at every subprogram start (check_btf_line wants one exactly there), never on an ld_imm64
    tail; none at all unless every subprogram start has a location."""
    if not program.c_locs or any(program.c_loc(s) is None for s in starts):
        return []
    starts_set = set(starts)
    out: list[tuple[int, SourceLoc]] = []
    prev: SourceLoc | None = None
    for idx, _insn in program.instructions():
        loc = program.c_loc(idx)
        if loc is None:
            continue
        if idx in starts_set or loc != prev:
            out.append((idx, loc))
            prev = loc
    return out


def _append_strings(blob: bytes, strings: list[str]) -> tuple[bytes, dict[str, int]]:
    """Add `strings` to the string section of a BTF blob whose string section comes last (what
    BtfBuilder writes); their offsets."""
    hdr = struct.unpack_from("<HBBIIIII", blob)
    hdr_len, str_off, str_len = hdr[3], hdr[6], hdr[7]
    if hdr_len + str_off + str_len != len(blob):
        raise ValueError("the BTF blob's string section is not at its end")
    section = blob[hdr_len + str_off:]
    offs: dict[str, int] = {"": 0}
    added = bytearray()
    for s in strings:
        if s in offs:
            continue
        offs[s] = str_len + len(added)
        added += s.encode() + b"\0"
    new_hdr = struct.pack("<HBBIIIII", *hdr[:7], str_len + len(added))
    return new_hdr + blob[len(new_hdr):hdr_len + str_off] + section + bytes(added), offs
