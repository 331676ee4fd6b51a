"""Shared harness for the kfunc / BTF-access / profile tests (no tests of its own).

Programs are written in the project's assembly dialect (LLVM syntax). They are parsed by
verifier_model.frontend.asm when it exists, else by the small fallback below (the subset these
tests use). They run through the model's explorer when it exists, else through the memory tests'
mini explorer (tests/test_model_mem_driver.py) with kfunc calls routed to model/kfuncs.py, and
through the live kernel when bpf() is usable.
"""
from __future__ import annotations

import re
import struct
from dataclasses import replace

import pytest

from verifier_model.errors import VerifierError
from verifier_model.isa.codec import decode
from verifier_model.isa.opcodes import ProgType
from verifier_model.program import MapDef, Program

# --- programs --------------------------------------------------------------------------------

_SZ = {"u8": 0x10, "u16": 0x08, "u32": 0x00, "u64": 0x18}
_JMP = {"==": 0x10, ">": 0x20, ">=": 0x30, "&": 0x40, "!=": 0x50, "s>": 0x60, "s>=": 0x70, "<": 0xA0, "<=": 0xB0,
        "s<": 0xC0, "s<=": 0xD0}
_ALU = {"+=": 0x00, "-=": 0x10, "*=": 0x20, "/=": 0x30, "|=": 0x40, "&=": 0x50, "<<=": 0x60, ">>=": 0x70,
        "%=": 0x90, "^=": 0xA0, "=": 0xB0, "s>>=": 0xC0}
_HELPERS = {"bpf_map_lookup_elem": 1, "bpf_ktime_get_ns": 5, "bpf_get_prandom_u32": 7, "bpf_tail_call": 12,
            "bpf_sk_lookup_tcp": 84, "bpf_sk_lookup_udp": 85, "bpf_sk_release": 86}


def _enc(code: int, dst: int = 0, src: int = 0, off: int = 0, imm: int = 0) -> bytes:
    return struct.pack("<BBhi", code, (src << 4) | dst, off, imm)


def _fallback_parse(text: str, prog_type: int, license: str, maps: tuple[MapDef, ...]) -> Program:
    """The tiny subset of the dialect the tests use: mov/alu, loads/stores, ld_imm64 of a map,
    helper/kfunc calls by name, conditional jumps and goto to labels, exit."""
    lines = []
    for raw in text.splitlines():
        ln = re.split(r"#|//|;", raw)[0].strip()
        if ln and not ln.startswith("."):
            lines.append(ln)
    labels: dict[str, int] = {}
    slot = 0
    for ln in lines:
        if ln.endswith(":"):
            labels[ln[:-1]] = slot
        else:
            slot += 2 if ln.endswith(" ll") else 1
    out: list[bytes] = []
    syms: dict[int, str] = {}
    slot = 0
    reg = r"([rw])(\d+)"
    for ln in lines:
        if ln.endswith(":"):
            continue
        m = re.fullmatch(rf"if {reg} (\S+) (-?\w+) goto (\w+)", ln)
        if m:
            cls = 0x06 if m[1] == "w" else 0x05
            rm = re.fullmatch(r"r(\d+)", m[4])
            code = cls | _JMP[m[3]] | (0x08 if rm else 0)
            out.append(_enc(code, int(m[2]), int(rm[1]) if rm else 0, labels[m[5]] - slot - 1,
                            0 if rm else int(m[4], 0)))
        elif m := re.fullmatch(r"goto (\w+)", ln):
            out.append(_enc(0x05, 0, 0, labels[m[1]] - slot - 1))
        elif ln == "exit":
            out.append(_enc(0x95))
        elif m := re.fullmatch(r"call (\w+)", ln):
            if m[1] in _HELPERS:
                out.append(_enc(0x85, 0, 0, 0, _HELPERS[m[1]]))
            else:
                syms[slot] = m[1]
                out.append(_enc(0x85, 0, 2, 0, 0))
        elif m := re.fullmatch(rf"{reg} = (\w+) ll", ln):
            idx = [mp.name for mp in maps].index(m[3])
            out.append(_enc(0x18, int(m[2]), 1, 0, idx) + _enc(0))
            slot += 1
        elif m := re.fullmatch(rf"{reg} = \*\((u\d+) \*\)\(r(\d+) ([+-]) (\d+)\)", ln):
            off = int(m[6]) * (-1 if m[5] == "-" else 1)
            out.append(_enc(0x61 | _SZ[m[3]], int(m[2]), int(m[4]), off))
        elif m := re.fullmatch(r"\*\((u\d+) \*\)\(r(\d+) ([+-]) (\d+)\) = (r\d+|-?\w+)", ln):
            off = int(m[4]) * (-1 if m[3] == "-" else 1)
            if m[5].startswith("r"):
                out.append(_enc(0x63 | _SZ[m[1]], int(m[2]), int(m[5][1:]), off))
            else:
                out.append(_enc(0x62 | _SZ[m[1]], int(m[2]), 0, off, int(m[5], 0)))
        elif m := re.fullmatch(r"lock \*\((u\d+) \*\)\(r(\d+) ([+-]) (\d+)\) \+= [rw](\d+)", ln):
            off = int(m[4]) * (-1 if m[3] == "-" else 1)
            out.append(_enc(0xC3 | _SZ[m[1]], int(m[2]), int(m[5]), off, 0))
        elif m := re.fullmatch(rf"{reg} (\S+) (r\d+|-?\w+)", ln):
            cls = 0x04 if m[1] == "w" else 0x07
            if m[4].startswith("r"):
                out.append(_enc(cls | _ALU[m[3]] | 0x08, int(m[2]), int(m[4][1:])))
            else:
                out.append(_enc(cls | _ALU[m[3]], int(m[2]), 0, 0, int(m[4], 0)))
        else:
            raise ValueError(f"fallback assembler cannot parse {ln!r}")
        slot += 1
    insns = list(decode(b"".join(out)))
    for i, name in syms.items():
        insns[i] = replace(insns[i], sym=name)
    for i, insn in enumerate(insns):
        if insn.code == 0x18 and insn.src == 1:
            insns[i] = replace(insn, sym=maps[insn.imm].name)
    return Program(tuple(insns), prog_type=ProgType(prog_type), license=license, maps=maps)


def asm(text: str, prog_type: int = ProgType.XDP, license: str = "GPL", maps: tuple[MapDef, ...] = ()) -> Program:
    try:
        from verifier_model.frontend.asm import parse  # type: ignore[import-not-found,unused-ignore]
    except ImportError:
        return _fallback_parse(text, prog_type, license, maps)
    head = "".join(f".map {m.name}, type={m.map_type}, key={m.key_size}, value={m.value_size}, "
                   f"entries={m.max_entries}\n" for m in maps)
    if license != "GPL":
        head += f'.license "{license}"\n'
    progs = parse(head + text, "<test>")
    p = progs[0]
    return replace(p, prog_type=ProgType(prog_type), license=license)


TUPLE_OPTS = """
    r6 = r1
    *(u64 *)(r10 - 8) = 0
    *(u64 *)(r10 - 16) = 0
    *(u64 *)(r10 - 24) = 0
    *(u64 *)(r10 - 32) = 0
    *(u64 *)(r10 - 40) = 0
    *(u64 *)(r10 - 48) = 0
    *(u64 *)(r10 - 64) = 0
    *(u64 *)(r10 - 56) = 0
    *(u32 *)(r10 - 64) = -1
    *(u8 *)(r10 - 56) = 6
"""


def lookup_args(ctx: str = "r6", tuple_: str = "-48", tsz: str = "12", opts: str = "-64", osz: str = "12") -> str:
    """The argument setup of kernel_semantics §11 (insns 11-17); each part can be replaced
    (ctx "" leaves R1 alone, osz "" leaves R5 unset)."""
    a = [f"r1 = {ctx}"] if ctx else []
    a += ["r2 = r10", f"r2 += {tuple_}"] if tuple_.startswith("-") else [f"r2 = {tuple_}"]
    a += [f"r3 = {tsz}"]
    a += ["r4 = r10", f"r4 += {opts}"] if opts.startswith("-") else [f"r4 = {opts}"]
    if osz:
        a += [f"r5 = {osz}"]
    return "\n".join("    " + x for x in a) + "\n"


def lookup(fn: str = "bpf_xdp_ct_lookup", **kw: str) -> str:
    """§11 insns 0-18: tuple/opts on the stack, then the lookup at insn 18."""
    return TUPLE_OPTS + lookup_args(**kw) + f"    call {fn}\n"


# --- running ---------------------------------------------------------------------------------


def _explorer():  # type: ignore[no-untyped-def]
    try:
        from verifier_model.model import check  # type: ignore[attr-defined]
    except ImportError:
        return None
    return check


def model_run(prog: Program, *, privileged: bool = True, profile: str = "6.18") -> tuple[str, list[str]]:
    """('accept' | 'reject', error lines) from the model."""
    check = _explorer()
    if check is not None:
        res = check(prog, profile=profile, privileged=privileged)
        return ("accept" if res.verdict == "accept" else "reject"), list(res.errors)
    return _mini_run(prog, privileged=privileged, profile=profile)


def _mini_run(prog: Program, *, privileged: bool, profile: str) -> tuple[str, list[str]]:
    import test_model_mem_driver as drv  # type: ignore[import-not-found]

    from verifier_model.model import helpers, kfuncs
    from verifier_model.model.env import Env
    from verifier_model.model.profiles import Profile, get_profile

    env = Env(prog=prog, profile=get_profile(profile, privileged))
    try:
        kfuncs.check_kfunc_load(env)
    except VerifierError as e:
        return "reject", list(e.lines)
    orig_call, orig_profile = helpers.check_helper_call, drv.get_profile

    def dispatch(env, state, insn, idx):  # type: ignore[no-untyped-def]
        if insn.is_kfunc_call:
            return kfuncs.check_kfunc_call(env, state, insn, idx)
        return orig_call(env, state, insn, idx)

    helpers.check_helper_call = dispatch
    def v_profile(name: str = "6.18", privileged: bool = True) -> Profile:
        return get_profile(profile, privileged)

    drv.get_profile = v_profile
    try:
        return drv.model_run(prog, privileged=privileged)  # type: ignore[no-any-return]
    finally:
        helpers.check_helper_call = orig_call
        drv.get_profile = orig_profile


def kernel_available() -> bool:
    try:
        from verifier_model.kernel import available
    except ImportError:
        return False
    return available()[0]


def kernel_run(prog: Program, *, privileged: bool = True) -> tuple[str, list[str]]:
    if not kernel_available():
        pytest.skip("bpf(BPF_PROG_LOAD) is not usable here")
    import test_model_mem_driver as drv

    return drv.kernel_run(prog, privileged=privileged)  # type: ignore[no-any-return]


# ../shared/semantics/live-6.18-logs were recorded on the first 6.18.44 build, which prints
# bpf_xdp_ct_lookup#66135; our machines run another build since 2026-12 (docs/PROFILES.md).
LOGS_LOOKUP_ID = 66135


def running_the_logs_build() -> bool:
    """Is the BTF the model reads (the running kernel's, else the snapshot) that of the logs' build?"""
    from verifier_model.btf import Kind, kernel_btf

    f = kernel_btf().find("bpf_xdp_ct_lookup", Kind.FUNC)
    return f is not None and f.id == LOGS_LOOKUP_ID
