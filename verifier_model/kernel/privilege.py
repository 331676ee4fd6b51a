"""Running a load as a less privileged loader, and with a time bound, in a forked child.

The unprivileged profile (kernel_semantics.md section 0) is a loader with CAP_BPF and
CAP_NET_ADMIN but without CAP_PERFMON and CAP_SYS_ADMIN: the child drops those two from its
effective, permitted and inheritable sets with capset(2) before calling bpf().
"""
from __future__ import annotations

import ctypes
import os
import pickle
import platform
import select
import signal
import time
from collections.abc import Callable, Iterable
from typing import TypeVar

CAP_SYS_ADMIN = 21
CAP_PERFMON = 38
CAP_BPF = 39
_LINUX_CAPABILITY_VERSION_3 = 0x20080522
_SYS_CAPGET = {"x86_64": 125, "aarch64": 90}
_SYS_CAPSET = {"x86_64": 126, "aarch64": 91}

T = TypeVar("T")


class _CapHeader(ctypes.Structure):
    _fields_ = [("version", ctypes.c_uint32), ("pid", ctypes.c_int)]


class _CapData(ctypes.Structure):
    _fields_ = [
        ("effective", ctypes.c_uint32),
        ("permitted", ctypes.c_uint32),
        ("inheritable", ctypes.c_uint32),
    ]


def drop_capabilities(caps: Iterable[int]) -> None:
    """Remove `caps` from this process's effective/permitted/inheritable sets (for good)."""
    libc = ctypes.CDLL(None, use_errno=True)
    machine = platform.machine()
    header = _CapHeader(_LINUX_CAPABILITY_VERSION_3, 0)
    data = (_CapData * 2)()
    if libc.syscall(_SYS_CAPGET[machine], ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capget failed")
    for cap in caps:
        word, bit = divmod(cap, 32)
        mask = ~(1 << bit) & 0xFFFFFFFF
        data[word].effective &= mask
        data[word].permitted &= mask
        data[word].inheritable &= mask
    if libc.syscall(_SYS_CAPSET[machine], ctypes.byref(header), data) != 0:
        raise OSError(ctypes.get_errno(), "capset failed")


class LoadTimeout(TimeoutError):
    """The load did not finish in time."""


def run_in_child(fn: Callable[[], T], *, timeout: float, drop_caps: Iterable[int] = ()) -> T:
    """fn() in a forked child (after dropping `drop_caps`); its result or exception comes back
    pickled. The child is killed after `timeout` seconds (a pending fatal signal also makes
    the verifier give up: do_check checks signal_pending)."""
    caps = tuple(drop_caps)
    rfd, wfd = os.pipe()
    pid = os.fork()
    if pid == 0:  # child: never returns into the caller's code
        try:
            os.close(rfd)
            try:
                if caps:
                    drop_capabilities(caps)
                payload = pickle.dumps((True, fn()))
            except BaseException as e:  # noqa: BLE001 - everything goes back to the parent
                try:
                    payload = pickle.dumps((False, e))
                except Exception:  # noqa: BLE001 - unpicklable: send its repr
                    payload = pickle.dumps((False, RuntimeError(repr(e))))
            with os.fdopen(wfd, "wb") as w:
                w.write(payload)
        finally:
            os._exit(0)
    os.close(wfd)
    chunks: list[bytes] = []
    deadline = time.monotonic() + timeout
    try:
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                os.kill(pid, signal.SIGKILL)
                raise LoadTimeout(f"load did not finish within {timeout:g} s")
            ready, _, _ = select.select([rfd], [], [], left)
            if not ready:
                continue
            chunk = os.read(rfd, 1 << 20)
            if not chunk:
                break
            chunks.append(chunk)
    finally:
        os.close(rfd)
        os.waitpid(pid, 0)
    if not chunks:
        raise RuntimeError("the loader child exited without a result")
    ok, value = pickle.loads(b"".join(chunks))
    if not ok:
        raise value
    return value  # type: ignore[no-any-return]
