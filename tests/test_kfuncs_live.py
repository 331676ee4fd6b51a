"""Every CT kfunc x every argument x a catalogue of register kinds (ctx, ctx+4, stack, NULL,
unknown scalar, referenced nf_conn, nf_conn___init, +offsets, pointers loaded from nf_conn,
uninitialised, packet, ...), null-checked or not, from XDP and TC, privileged and not: the model's
verdict and error lines must be the kernel's. Skipped where bpf() is not usable."""
from __future__ import annotations

import pytest
from test_kfuncs_harness import asm, kernel_available, kernel_run, model_run

from verifier_model.isa.opcodes import ProgType

pytestmark = pytest.mark.kernel

CT_ARGS = ["ctx", "tuple", "tsz", "opts", "osz"]
KFUNC_ARGS = {
    "bpf_xdp_ct_lookup": CT_ARGS, "bpf_skb_ct_lookup": CT_ARGS, "bpf_xdp_ct_alloc": CT_ARGS,
    "bpf_skb_ct_alloc": CT_ARGS, "bpf_ct_insert_entry": ["init"], "bpf_ct_release": ["ct"],
    "bpf_ct_set_timeout": ["init", "u32"], "bpf_ct_change_timeout": ["ct", "u32"],
    "bpf_ct_set_status": ["init", "u32"], "bpf_ct_change_status": ["ct", "u32"],
    "bpf_ct_set_nat_info": ["init", "addr", "u32", "u32"],
}
DEFAULT = {"ctx": "ctx", "tuple": "fp48", "tsz": "c12", "opts": "fp64", "osz": "c12", "init": "init", "ct": "ct",
           "u32": "c1000", "addr": "fp80"}
PTR_KINDS = ["ctx", "ctx4", "fp48", "fp8", "fp600", "zero", "scalar", "ct", "ct8", "ctm8", "init", "init8", "master",
             "ext", "notinit", "pkt"]
SCALAR_KINDS = ["zero", "scalar", "fp48", "ct", "notinit", "neg", "c65", "c36", "masked"]


def _value(reg: int, v: str) -> list[str]:
    r = f"r{reg}"
    table = {
        "notinit": [], "ctx": [f"{r} = r6"], "ctx4": [f"{r} = r6", f"{r} += 4"], "zero": [f"{r} = 0"],
        "neg": [f"{r} = -1"], "scalar": [f"{r} = r9"], "masked": [f"{r} = r9", f"{r} &= 31"], "ct": [f"{r} = r7"],
        "ct8": [f"{r} = r7", f"{r} += 8"], "ctm8": [f"{r} = r7", f"{r} += -8"], "init": [f"{r} = r8"],
        "init8": [f"{r} = r8", f"{r} += 8"], "master": [f"{r} = *(u64 *)(r7 + 160)"],
        "ext": [f"{r} = *(u64 *)(r7 + 176)"], "pkt": [f"{r} = *(u32 *)(r6 + 0)"],
    }
    if v in table:
        return table[v]
    if v.startswith("fp"):
        return [f"{r} = r10", f"{r} += -{v[2:]}"]
    assert v[0] == "c"
    return [f"{r} = {v[1:]}"]


def program(target: str, argi: int, kind: str, checked: bool, prog_type: int) -> str:
    skb = prog_type != ProgType.XDP
    lines = ["r6 = r1", "call bpf_get_prandom_u32", "r9 = r0"]
    lines += [f"*(u64 *)(r10 - {o}) = 0" for o in (8, 16, 24, 32, 40, 48, 64, 56, 72, 80)]
    lines += ["*(u32 *)(r10 - 64) = -1", "*(u8 *)(r10 - 56) = 6"]
    for fn, dst in (("bpf_skb_ct_lookup" if skb else "bpf_xdp_ct_lookup", 7),
                    ("bpf_skb_ct_alloc" if skb else "bpf_xdp_ct_alloc", 8)):
        lines += ["r1 = r6", "r2 = r10", "r2 += -48", "r3 = 12", "r4 = r10", "r4 += -64", "r5 = 12", f"call {fn}",
                  f"r{dst} = r0"]
    if checked:
        lines += ["if r7 == 0 goto out", "if r8 == 0 goto out"]
    for i, a in enumerate(KFUNC_ARGS[target]):
        lines += _value(i + 1, kind if i == argi else DEFAULT[a])
    lines += [f"call {target}", "out:", "r0 = 2", "exit"]
    return "\n".join(ln if ln.endswith(":") else "    " + ln for ln in lines) + "\n"


CASES = [(t, i, k, c) for t, args in KFUNC_ARGS.items() for i, a in enumerate(args)
         for k in (SCALAR_KINDS if a in ("tsz", "osz", "u32") else PTR_KINDS) for c in (True, False)]


@pytest.mark.parametrize("privileged", [True, False])
@pytest.mark.parametrize("prog_type", [ProgType.XDP, ProgType.SCHED_CLS])
@pytest.mark.parametrize("target", list(KFUNC_ARGS))
def test_argument_matrix(target: str, prog_type: int, privileged: bool) -> None:
    if not kernel_available():
        pytest.skip("bpf(BPF_PROG_LOAD) is not usable here")
    bad = []
    for t, i, k, c in CASES:
        if t != target:
            continue
        p = asm(program(t, i, k, c, prog_type), prog_type)
        m, kern = model_run(p, privileged=privileged), kernel_run(p, privileged=privileged)
        if any("pointer arithmetic" in line for line in kern[1]):
            continue  # ALU rules (explorer's), not kfunc rules: the mini driver does not check them
        if m != kern:
            bad.append((i, k, c, m, kern))
    assert bad == []


@pytest.mark.parametrize("prog_type", [ProgType.XDP, ProgType.SCHED_CLS, ProgType.SCHED_ACT, ProgType.SOCKET_FILTER,
                                       ProgType.CGROUP_SKB])
@pytest.mark.parametrize("fn", ["bpf_task_acquire", "bpf_task_release", "bpf_dynptr_from_xdp", "bpf_dynptr_from_skb",
                                "bpf_skb_ct_lookup", "bpf_ct_set_nat_info"])
def test_which_program_types_may_call_which_kfunc(fn: str, prog_type: int) -> None:
    p = asm("    r1 = 0\n    r2 = 0\n    r3 = 0\n    call " + fn + "\n    r0 = 1\n    exit\n", prog_type)
    assert model_run(p) == kernel_run(p)


_SOCK = """    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    *(u64 *)(r10 - 40) = 0
    r1 = r6
    r2 = r10
    r2 += -40
    r3 = 12
    r4 = 0
    r5 = 0
    call bpf_sk_lookup_tcp
    if r0 == 0 goto out
    r7 = r0
    r1 = r0
{call}
    r1 = r7
    call bpf_sk_release
out:
    r0 = 0
    exit
"""
_CT = """    if r0 == 0 goto out
    r7 = r0
{body}
    r1 = r7
    call bpf_ct_release
out:
    r0 = 2
    exit
"""
OTHER_POINTERS = {
    # reg2btf_ids: a socket is a struct sock, a map pointer a struct bpf_map
    "sock_to_release": _SOCK.format(call="    call bpf_ct_release"),
    "sock_to_change_timeout": _SOCK.format(call="    r2 = 5\n    call bpf_ct_change_timeout"),
    "map_to_release": "    r1 = m ll\n    call bpf_ct_release\n    r0 = 0\n    exit\n",
    "map_to_change_status": "    r1 = m ll\n    r2 = 1\n    call bpf_ct_change_status\n    r0 = 0\n    exit\n",
    "map_value_to_release": ("    *(u32 *)(r10 - 4) = 0\n    r1 = m ll\n    r2 = r10\n    r2 += -4\n"
                             "    call bpf_map_lookup_elem\n    if r0 == 0 goto out\n    r1 = r0\n    call bpf_ct_release\n"
                             "out:\n    r0 = 0\n    exit\n"),
    # the struct walk of btf_struct_ids_match prints its own line first
    "ct_plus_300_to_change_timeout": "L" + _CT.format(body="    r1 = r0\n    r1 += 300\n    r2 = 5\n"
                                                           "    call bpf_ct_change_timeout"),
    "ct_plus_16_to_change_timeout": "L" + _CT.format(body="    r1 = r0\n    r1 += 16\n    r2 = 5\n"
                                                          "    call bpf_ct_change_timeout"),
    "ct_as_tuple": "L" + _CT.format(body="    r1 = r6\n    r2 = r7\n    r3 = 12\n    r4 = r10\n    r4 += -64\n"
                                         "    r5 = 12\n    call bpf_xdp_ct_lookup"),
}


@pytest.mark.parametrize("prog_type", [ProgType.XDP, ProgType.SCHED_CLS])
@pytest.mark.parametrize("name", list(OTHER_POINTERS))
def test_other_pointer_kinds_as_kfunc_arguments(name: str, prog_type: int) -> None:
    from test_kfuncs_harness import lookup

    from verifier_model.program import MapDef

    text = OTHER_POINTERS[name]
    if text.startswith("L"):
        if prog_type != ProgType.XDP:
            pytest.skip("case calls bpf_xdp_ct_lookup, which only XDP programs may call")
        text = lookup() + text[1:]
    maps = (MapDef("m", 1, 4, 8, 1),) if " ll" in text else ()
    p = asm(text, prog_type, maps=maps)
    assert model_run(p) == kernel_run(p)
