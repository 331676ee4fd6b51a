"""BTF: the reader (`Btf`), the writer (`BtfBuilder`) and the kernel's types.

`kernel_btf()` is the BTF of the kernel the model imitates: the running kernel's
/sys/kernel/btf/vmlinux where it can be read, else the snapshot embedded in the package
(verifier_model/data/btf_snapshot.json, written by scripts/make_btf_snapshot.py).
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

from .reader import Btf, BtfError
from .snapshot import KFUNCS_PATH, SNAPSHOT_PATH, load_snapshot
from .types import BtfType, Kind, Linkage, Member, Param
from .writer import BtfBuilder

VMLINUX_BTF = Path("/sys/kernel/btf/vmlinux")

__all__ = [
    "VMLINUX_BTF",
    "Btf",
    "BtfBuilder",
    "BtfError",
    "BtfType",
    "Kind",
    "Linkage",
    "Member",
    "Param",
    "kernel_btf",
    "kfunc_ids",
    "load_snapshot",
]


def kernel_btf(path: str | Path | None = None) -> Btf:
    """The BTF to check against: `path` (a raw BTF file, `--btf FILE`) if given, else the
    running kernel's vmlinux BTF if readable (with the CT kfuncs), else the embedded snapshot."""
    if path is not None:
        return _load_file(str(Path(path).resolve()))
    live = _live_btf()
    return live if live is not None else _load_snapshot()


@lru_cache(maxsize=1)
def _live_btf() -> Btf | None:
    """The running kernel's vmlinux BTF, if it can be read, parses, and has the CT kfuncs built
    in (where nf_conntrack is a module its kfuncs are not in vmlinux: the snapshot stands in)."""
    if not os.access(VMLINUX_BTF, os.R_OK):
        return None
    try:
        btf = _load_file(str(VMLINUX_BTF))
    except (OSError, BtfError):
        return None
    if btf.find("bpf_ct_release", Kind.FUNC) is None:
        return None
    return btf


@lru_cache(maxsize=4)
def _load_file(path: str) -> Btf:
    return Btf.from_file(path)


@lru_cache(maxsize=1)
def _load_snapshot() -> Btf:
    return load_snapshot(SNAPSHOT_PATH)


@lru_cache(maxsize=1)
def kfunc_ids() -> dict[str, int]:
    """{kfunc name: BTF id} of the snapshot's kernel (verifier_model/data/kfuncs.json): which
    names are kfuncs at all; the ids of the running kernel come from `kernel_btf().kfuncs()`."""
    return dict(json.loads(KFUNCS_PATH.read_text()))
