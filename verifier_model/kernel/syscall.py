"""The bpf(2) syscall through ctypes: BPF_MAP_CREATE, BPF_BTF_LOAD, BPF_PROG_LOAD (no libbpf).

`union bpf_attr` layouts follow include/uapi/linux/bpf.h (6.18); the kernel accepts a shorter
attr than its own (missing fields read as zero), so each command passes only the fields used.
"""
from __future__ import annotations

import ctypes
import os
import platform
from ctypes import c_char, c_int32, c_uint32, c_uint64

# enum bpf_cmd
BPF_MAP_CREATE = 0
BPF_PROG_LOAD = 5
BPF_BTF_LOAD = 18

BPF_OBJ_NAME_LEN = 16
LOG_SIZE_MAX = (1 << 32) // 4 - 1  # UINT_MAX >> 2, the kernel's bound on log_size

_SYS_BPF = {"x86_64": 321, "aarch64": 280, "riscv64": 280, "s390x": 351, "ppc64le": 361}


class BpfSyscallError(OSError):
    """bpf() returned -1; `errno` is the kernel's error."""


class MapCreateAttr(ctypes.Structure):
    _fields_ = [
        ("map_type", c_uint32),
        ("key_size", c_uint32),
        ("value_size", c_uint32),
        ("max_entries", c_uint32),
        ("map_flags", c_uint32),
        ("inner_map_fd", c_uint32),
        ("numa_node", c_uint32),
        ("map_name", c_char * BPF_OBJ_NAME_LEN),
    ]


class BtfLoadAttr(ctypes.Structure):
    _fields_ = [
        ("btf", c_uint64),
        ("btf_log_buf", c_uint64),
        ("btf_size", c_uint32),
        ("btf_log_size", c_uint32),
        ("btf_log_level", c_uint32),
        ("btf_log_true_size", c_uint32),
    ]


class ProgLoadAttr(ctypes.Structure):
    _fields_ = [
        ("prog_type", c_uint32),
        ("insn_cnt", c_uint32),
        ("insns", c_uint64),
        ("license", c_uint64),
        ("log_level", c_uint32),
        ("log_size", c_uint32),
        ("log_buf", c_uint64),
        ("kern_version", c_uint32),
        ("prog_flags", c_uint32),
        ("prog_name", c_char * BPF_OBJ_NAME_LEN),
        ("prog_ifindex", c_uint32),
        ("expected_attach_type", c_uint32),
        ("prog_btf_fd", c_uint32),
        ("func_info_rec_size", c_uint32),
        ("func_info", c_uint64),
        ("func_info_cnt", c_uint32),
        ("line_info_rec_size", c_uint32),
        ("line_info", c_uint64),
        ("line_info_cnt", c_uint32),
        ("attach_btf_id", c_uint32),
        ("attach_prog_fd", c_uint32),
        ("core_relo_cnt", c_uint32),
        ("fd_array", c_uint64),
        ("core_relos", c_uint64),
        ("core_relo_rec_size", c_uint32),
        ("log_true_size", c_uint32),
        ("prog_token_fd", c_int32),
    ]


class FuncInfoRec(ctypes.Structure):
    """struct bpf_func_info."""

    _fields_ = [("insn_off", c_uint32), ("type_id", c_uint32)]


_libc: ctypes.CDLL | None = None


def _syscall_nr() -> int:
    nr = _SYS_BPF.get(platform.machine())
    if nr is None:
        raise BpfSyscallError(38, f"bpf(2) syscall number unknown for {platform.machine()}")  # ENOSYS
    return nr


def bpf(cmd: int, attr: ctypes.Structure) -> int:
    """Issue bpf(cmd, &attr, sizeof attr); return the result or raise BpfSyscallError."""
    global _libc
    if _libc is None:
        _libc = ctypes.CDLL(None, use_errno=True)
    ret = _libc.syscall(ctypes.c_long(_syscall_nr()), ctypes.c_int(cmd), ctypes.byref(attr),
                        ctypes.c_uint(ctypes.sizeof(attr)))
    if ret < 0:
        err = ctypes.get_errno()
        raise BpfSyscallError(err, os.strerror(err))
    return int(ret)


def obj_name(name: str) -> bytes:
    """A name the kernel accepts for maps and programs (bpf_obj_name_cpy: [A-Za-z0-9_.], 15 max)."""
    return "".join(c if c.isalnum() or c in "_." else "_" for c in name).encode()[: BPF_OBJ_NAME_LEN - 1]


def map_create(map_type: int, key_size: int, value_size: int, max_entries: int, name: str = "",
               flags: int = 0) -> int:
    attr = MapCreateAttr(map_type=map_type, key_size=key_size, value_size=value_size,
                         max_entries=max_entries, map_flags=flags, map_name=obj_name(name))
    return bpf(BPF_MAP_CREATE, attr)


def btf_load(blob: bytes, log_size: int = 1 << 16) -> int:
    """Load a BTF blob; on failure the BTF verifier's log is in the exception's message."""
    buf = ctypes.create_string_buffer(len(blob))
    buf.raw = blob
    log = ctypes.create_string_buffer(log_size)
    attr = BtfLoadAttr(btf=ctypes.addressof(buf), btf_size=len(blob), btf_log_buf=ctypes.addressof(log),
                       btf_log_size=log_size, btf_log_level=1)
    try:
        return bpf(BPF_BTF_LOAD, attr)
    except BpfSyscallError as e:
        detail = log.value.decode(errors="replace").strip()
        raise BpfSyscallError(e.errno, f"{e.strerror}: {detail}" if detail else e.strerror) from None
