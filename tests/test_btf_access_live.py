"""Loads and stores through nf_conn / nf_conn___init at every offset and size, and loads through
pointers read out of nf_conn, in the model and in the live kernel: verdict and error lines must
agree. Skipped where bpf() is not usable."""
from __future__ import annotations

import pytest
from test_kfuncs_harness import asm, kernel_available, kernel_run, lookup, model_run

pytestmark = pytest.mark.kernel

SIZES = {1: "u8", 2: "u16", 4: "u32", 8: "u64"}


def _access(fn: str, off: int, size: int, write: bool, pre: str = "", base: str = "r7") -> str:
    sign = "-" if off < 0 else "+"
    mem = f"*({SIZES[size]} *)({base} {sign} {abs(off)})"
    acc = f"    {mem} = r2\n" if write else f"    r2 = {mem}\n"
    release = "    r1 = r7\n    call bpf_ct_release\n" if "lookup" in fn else (
        "    r1 = r7\n    call bpf_ct_insert_entry\n    if r0 == 0 goto out\n    r1 = r0\n    call bpf_ct_release\n")
    return (lookup(fn) + "    if r0 == 0 goto out\n    r7 = r0\n    r2 = 5\n" + pre + acc + release
            + "out:\n    r0 = 2\n    exit\n")


def _agree(text: str, privileged: bool = True) -> None:
    if not kernel_available():
        pytest.skip("bpf(BPF_PROG_LOAD) is not usable here")
    p = asm(text)
    assert model_run(p, privileged=privileged) == kernel_run(p, privileged=privileged)


@pytest.mark.parametrize("size", [1, 2, 4, 8])
@pytest.mark.parametrize("fn", ["bpf_xdp_ct_lookup", "bpf_xdp_ct_alloc"])
def test_every_read_offset(fn: str, size: int) -> None:
    if not kernel_available():
        pytest.skip("bpf(BPF_PROG_LOAD) is not usable here")
    bad = []
    for off in range(-4, 256):
        p = asm(_access(fn, off, size, False))
        m, k = model_run(p), kernel_run(p)
        if m != k:
            bad.append((off, m, k))
    assert bad == []


@pytest.mark.parametrize("size", [1, 2, 4, 8])
@pytest.mark.parametrize("fn", ["bpf_xdp_ct_lookup", "bpf_xdp_ct_alloc"])
def test_every_write_offset(fn: str, size: int) -> None:
    if not kernel_available():
        pytest.skip("bpf(BPF_PROG_LOAD) is not usable here")
    bad = []
    for off in list(range(-4, 16)) + list(range(120, 256)):
        p = asm(_access(fn, off, size, True))
        m, k = model_run(p), kernel_run(p)
        if m != k:
            bad.append((off, m, k))
    assert bad == []


@pytest.mark.parametrize("member", [160, 176, 136, 184])
@pytest.mark.parametrize("off", [-8, 0, 4, 8, 160, 168, 176, 248, 4096])
@pytest.mark.parametrize("size", [4, 8])
def test_loads_through_loaded_pointers(member: int, off: int, size: int) -> None:
    _agree(_access("bpf_xdp_ct_lookup", off, size, False, pre=f"    r3 = *(u64 *)(r7 + {member})\n", base="r3"))


@pytest.mark.parametrize("write", [False, True])
@pytest.mark.parametrize("off", [0, 128, 168])
def test_unprivileged_loads_and_stores(off: int, write: bool) -> None:
    _agree(_access("bpf_xdp_ct_lookup", off, 4, write), privileged=False)
