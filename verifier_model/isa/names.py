"""Helper and kfunc names <-> numbers.

Helpers: helpers.json (verifier_model/data), `enum bpf_func_id` of the reference 6.18 kernel
(names without BPF_FUNC_); helper numbers are UAPI, the same in every build.
Kfuncs: every FUNC with a `bpf_kfunc` decl tag -> its BTF id, in the BTF the model checks
against (`kernel_btf()`: the running kernel's where readable, else the embedded snapshot).
Kfunc ids differ from one kernel build to the next, so they are never taken from a table
recorded elsewhere.
"""
from __future__ import annotations

import difflib
import json
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).resolve().parent.parent / "data"


@lru_cache(maxsize=1)
def _helpers() -> dict[str, int]:
    return dict(json.loads((DATA / "helpers.json").read_text()))


@lru_cache(maxsize=1)
def _helper_names() -> dict[int, str]:
    return {v: k for k, v in _helpers().items()}


@lru_cache(maxsize=1)
def _kfuncs() -> dict[str, int]:
    from ..btf import kernel_btf

    return dict(kernel_btf().kfuncs())


@lru_cache(maxsize=1)
def _kfunc_names() -> dict[int, str]:
    return {v: k for k, v in _kfuncs().items()}


def helper_id(name: str) -> int | None:
    """`bpf_map_lookup_elem` or `map_lookup_elem` -> 1."""
    h = _helpers()
    if name.startswith("bpf_") and name[4:] in h:
        return h[name[4:]]
    return h.get(name)


def helper_name(func_id: int) -> str | None:
    """1 -> `bpf_map_lookup_elem` (as the kernel log prints it)."""
    n = _helper_names().get(func_id)
    return f"bpf_{n}" if n else None


def kfunc_id(name: str) -> int | None:
    return _kfuncs().get(name)


def kfunc_name(btf_id: int) -> str | None:
    return _kfunc_names().get(btf_id)


def all_call_names() -> list[str]:
    return [f"bpf_{n}" for n in _helpers()] + list(_kfuncs())


def suggest(name: str) -> list[str]:
    return difflib.get_close_matches(name, all_call_names(), n=3, cutoff=0.75)
