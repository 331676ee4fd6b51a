"""The ELF frontend (frontend/elf.py) and the .BTF.ext reader (btf/ext.py), on the objects
examples/build.sh makes and on small objects compiled here with clang-19."""
from __future__ import annotations

import itertools
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from verifier_model.btf.ext import BtfExt
from verifier_model.btf.reader import Btf
from verifier_model.errors import InputError
from verifier_model.frontend import load
from verifier_model.frontend.elf import load_elf
from verifier_model.isa.insn import Imm64Tail, Jmp, Load, LoadImm64, Store
from verifier_model.isa.opcodes import (
    PSEUDO_CALL,
    PSEUDO_FUNC,
    PSEUDO_KFUNC_CALL,
    PSEUDO_MAP_FD,
    PSEUDO_MAP_VALUE,
    ProgType,
)
from verifier_model.program import FuncInfo, MapDef, Program

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
CLANG = shutil.which("clang-19")
needs_clang = pytest.mark.skipif(CLANG is None, reason="clang-19 is not installed")
ARCH_INC = f"/usr/include/{__import__('platform').machine()}-linux-gnu"


def example(name: str) -> Path:
    """examples/NAME.o, built by examples/build.sh (built here if missing and clang exists)."""
    obj = EXAMPLES / f"{name}.o"
    if not obj.exists():
        if CLANG is None:
            pytest.skip(f"{obj.name} is not built and clang-19 is not installed")
        subprocess.run([str(EXAMPLES / "build.sh")], check=True, capture_output=True)
    return obj


def compile_c(tmp_path: Path, source: str, name: str = "t") -> Path:
    if CLANG is None:
        pytest.skip("clang-19 is not installed")
    src = tmp_path / f"{name}.c"
    src.write_text(source)
    obj = tmp_path / f"{name}.o"
    subprocess.run([CLANG, "-O2", "-g", "-target", "bpf", "-mcpu=v3", "-I", str(EXAMPLES), "-I", ARCH_INC,
                    "-c", str(src), "-o", str(obj)], check=True, capture_output=True, text=True)
    return obj


def source_line(path: Path, needle: str) -> int:
    """The 1-based line of `path` that contains `needle` (exactly one must)."""
    hits = [i for i, line in enumerate(path.read_text().splitlines(), 1) if needle in line]
    assert len(hits) == 1, (needle, hits)
    return hits[0]


def calls(p: Program) -> list[tuple[int, Jmp]]:
    return [(i, insn) for i, insn in p.instructions() if isinstance(insn, Jmp) and insn.is_call]


# --- sections, program types, license --------------------------------------------------------
def test_program_per_section_with_its_libbpf_type() -> None:
    (xdp,) = load(example("xdp_ct_leak"))
    assert (xdp.name, xdp.section, xdp.prog_type, xdp.license) == ("ct_leak", "xdp", ProgType.XDP, "GPL")
    assert xdp.file == str(example("xdp_ct_leak"))
    (tc,) = load(example("tc_ct_mark_copy"))
    assert (tc.section, tc.prog_type) == ("tc", ProgType.SCHED_CLS)
    (tcx,) = load(example("tc_ct_change_status"))
    assert (tcx.section, tcx.prog_type) == ("tcx/ingress", ProgType.SCHED_CLS)


def test_prog_type_override_and_both_call_forms() -> None:
    obj = example("xdp_ct_leak")
    (p,) = load(obj, ProgType.SCHED_CLS)
    assert p.prog_type == ProgType.SCHED_CLS
    assert load_elf(obj, ProgType.SCHED_CLS)[0].insns == p.insns  # load_elf(path, prog_type)
    assert load_elf(obj, obj.read_bytes(), ProgType.SCHED_CLS)[0].insns == p.insns


def test_slots_match_the_section_bytes() -> None:
    """Without subprograms the program is the section's instructions, relocated."""
    from elftools.elf.elffile import ELFFile

    obj = example("xdp_ct_leak")
    with obj.open("rb") as f:
        raw = ELFFile(f).get_section_by_name("xdp").data()
    (p,) = load(obj)
    assert len(p.insns) * 8 == len(raw)
    assert all(isinstance(p.insns[i + 1], Imm64Tail) for i, insn in p.instructions()
               if isinstance(insn, LoadImm64) and insn.code == 0x18)


# --- relocations -----------------------------------------------------------------------------
def test_kfunc_calls_are_relocated_by_name() -> None:
    from verifier_model.isa.names import kfunc_id

    (p,) = load(example("xdp_ct_alloc_insert"))
    kfuncs = [insn.sym for _, insn in calls(p) if insn.src == PSEUDO_KFUNC_CALL]
    assert kfuncs[0] == "bpf_xdp_ct_lookup"
    assert set(kfuncs) == {"bpf_xdp_ct_lookup", "bpf_ct_release", "bpf_xdp_ct_alloc", "bpf_ct_set_timeout",
                           "bpf_ct_set_status", "bpf_ct_insert_entry"}
    for _, insn in calls(p):
        if insn.src == PSEUDO_KFUNC_CALL:
            assert insn.imm == (kfunc_id(insn.sym or "") or 0) and insn.off == 0


def test_static_subprogram_from_text_is_appended_and_called() -> None:
    (p,) = load(example("xdp_ct_alloc_insert"))
    assert len(p.funcs) == 1
    f = p.funcs[0]
    assert (f.name, f.linkage) == ("init_opts", "static")
    pseudo = [(i, insn) for i, insn in calls(p) if insn.src == PSEUDO_CALL]
    assert len(pseudo) == 1
    i, call = pseudo[0]
    assert call.sym == "init_opts" and i + 1 + call.imm == f.insn
    last_main = p.insns[f.insn - 1]
    assert isinstance(last_main, Jmp) and last_main.is_exit  # the subprogram comes after main
    assert isinstance(p.insns[-1], Jmp) and p.insns[-1].is_exit


def test_global_subprogram_map_and_helper() -> None:
    (p,) = load(example("xdp_synproxy_established"))
    assert p.funcs == (FuncInfo(p.funcs[0].insn, "count_verdict", "global"),)
    assert p.maps == (MapDef("verdicts", 2, 4, 8, 4),)  # BPF_MAP_TYPE_ARRAY, u32 -> u64, 4 entries
    refs = [insn for _, insn in p.instructions() if isinstance(insn, LoadImm64) and insn.src == PSEUDO_MAP_FD]
    assert refs and all(r.sym == "verdicts" and r.imm == 0 for r in refs)
    assert all(i >= p.funcs[0].insn for i, insn in p.instructions() if insn in refs)  # in the subprogram
    helpers = [insn.sym for _, insn in calls(p) if insn.src == 0]
    assert helpers == ["bpf_map_lookup_elem"]
    # the three call sites of count_verdict all land on it
    targets = {i + 1 + insn.imm for i, insn in calls(p) if insn.src == PSEUDO_CALL}
    assert targets == {p.funcs[0].insn}


def test_percpu_map_with_struct_value() -> None:
    (p,) = load(example("xdp_ct_opts_size"))
    assert p.maps == (MapDef("scratch_map", 6, 4, 52, 1),)  # PERCPU_ARRAY, 36 + 16 byte value


def test_core_field_offsets_follow_the_kernel_btf() -> None:
    """ct.h declares a two-field nf_conn with preserve_access_index: the loads are moved to the
    kernel's offsets (status @128, mark @168 on 6.18), as libbpf does."""
    from verifier_model.btf import Kind, kernel_btf

    nf_conn = kernel_btf().find("nf_conn", Kind.STRUCT)
    assert nf_conn is not None
    offs = {m.name: m.offset for m in nf_conn.members}
    (leak,) = load(example("xdp_ct_leak"))
    mark_loads = [insn for _, insn in leak.instructions() if isinstance(insn, Load) and insn.code == 0x61
                  and insn.off == offs["mark"]]
    assert mark_loads, "ct->mark is read at the kernel's offset"
    (copy,) = load(example("tc_ct_mark_copy"))
    stores = [insn for _, insn in copy.instructions() if isinstance(insn, Store) and insn.off == offs["mark"]]
    assert stores, "ct->mark is written at the kernel's offset"
    (status,) = load(example("tc_ct_change_status"))
    assert any(isinstance(insn, Load) and insn.off == offs["status"] and insn.code == 0x79
               for _, insn in status.instructions())


@needs_clang
def test_global_data_callbacks_several_programs_and_legacy_maps(tmp_path: Path) -> None:
    obj = compile_c(tmp_path, r'''
#include "ct.h"
static long (*bpf_loop)(__u32 nr, void *cb, void *ctx, __u64 flags) = (void *)BPF_FUNC_loop;
struct bpf_map_def { unsigned int type, key_size, value_size, max_entries, map_flags; };
struct bpf_map_def SEC("maps") legacy = { .type = BPF_MAP_TYPE_HASH, .key_size = 8, .value_size = 16,
                                          .max_entries = 32 };
const volatile __u32 limit = 7;
__u32 hits;
static int cb(__u32 i, void *ctx) { hits++; return 0; }
SEC("xdp") int first(struct xdp_md *ctx) { bpf_loop(limit, cb, NULL, 0); return XDP_PASS; }
SEC("xdp") int second(struct xdp_md *ctx) { __u64 k = 1; return bpf_map_lookup_elem(&legacy, &k) ? 1 : 2; }
''')
    progs = load(obj)
    assert [(p.name, p.section) for p in progs] == [("first", "xdp"), ("second", "xdp")]
    first, second = progs
    kinds = {insn.src: insn for _, insn in first.instructions() if isinstance(insn, LoadImm64)}
    assert kinds[PSEUDO_MAP_VALUE].sym in (".rodata", ".bss")
    func_ref = kinds[PSEUDO_FUNC]
    at = next(i for i, insn in first.instructions() if insn is func_ref)
    assert func_ref.sym == "cb" and (at + 1 + func_ref.imm) == first.funcs[0].insn
    assert {m.name for m in first.maps} == {".rodata", ".bss"}
    assert all(m.map_type == 2 and m.max_entries == 1 for m in first.maps)  # array maps
    assert second.maps == (MapDef("legacy", 1, 8, 16, 32),)


# --- line info -------------------------------------------------------------------------------
def test_line_info_maps_the_lookup_call_to_its_c_line() -> None:
    obj = example("xdp_ct_leak")
    (p,) = load(obj)
    want = source_line(EXAMPLES / "xdp_ct_leak.c", "ct = bpf_xdp_ct_lookup(")
    (i, _), = [(i, c) for i, c in calls(p) if c.sym == "bpf_xdp_ct_lookup"]
    loc = p.c_loc(i)
    assert loc is not None
    assert Path(loc.file).name == "xdp_ct_leak.c" and loc.line == want and loc.col > 0
    assert "bpf_xdp_ct_lookup(" in loc.text
    assert len(p.c_locs) == len(p.insns) and p.locs == p.c_locs
    exit_loc = p.c_loc(len(p.insns) - 1)
    assert exit_loc is not None and exit_loc.line == len((EXAMPLES / "xdp_ct_leak.c").read_text().splitlines())


def test_line_info_of_inlined_header_code_and_subprograms() -> None:
    (p,) = load(example("xdp_ct_alloc_insert"))
    files = {Path(loc.file).name for loc in p.c_locs if loc is not None}
    assert files == {"xdp_ct_alloc_insert.c", "ct.h"}  # tcp4_tuple is inlined from the header
    sub = p.c_loc(p.funcs[0].insn)
    assert sub is not None and sub.line >= source_line(EXAMPLES / "xdp_ct_alloc_insert.c", "init_opts(struct")


def test_btf_ext_records() -> None:
    from elftools.elf.elffile import ELFFile

    with example("xdp_synproxy_established").open("rb") as f:
        elf = ELFFile(f)
        btf = Btf.from_bytes(elf.get_section_by_name(".BTF").data())
        ext = BtfExt.from_bytes(elf.get_section_by_name(".BTF.ext").data(), btf)
    assert set(ext.func_info) == {".text", "xdp"}
    assert [btf[r.type_id].name for r in ext.func_info["xdp"]] == ["synproxy_established"]
    assert [(r.insn_off, btf[r.type_id].name) for r in ext.func_info[".text"]] == [(0, "count_verdict")]
    lines = ext.line_info["xdp"]
    assert lines[0].insn_off == 0 and all(a.insn_off <= b.insn_off for a, b in itertools.pairwise(lines))
    assert all(r.insn_off % 8 == 0 and r.line > 0 for r in lines)
    relos = ext.core_relos["xdp"]
    assert relos and {btf.skip_modifiers(r.type_id).name for r in relos} == {"nf_conn"}


def test_object_without_btf_still_loads(tmp_path: Path) -> None:
    obj = example("xdp_ct_leak")
    stripped = tmp_path / "nobtf.o"
    if shutil.which("llvm-objcopy-19") is None:
        pytest.skip("llvm-objcopy-19 is not installed")
    subprocess.run(["llvm-objcopy-19", "--remove-section=.BTF.ext", str(obj), str(stripped)], check=True)
    (p,) = load(stripped)
    assert p.c_locs == () and p.name == "ct_leak"
    # no .BTF.ext: no CO-RE relocations either, so the local (ct.h) offset of mark stays
    assert len(p.insns) == len(load(obj)[0].insns)


# --- bad input -------------------------------------------------------------------------------
@pytest.mark.parametrize("cut", [10, 63, 64, 200, 2000, -100])
def test_truncated_object_is_an_input_error(tmp_path: Path, cut: int) -> None:
    data = example("xdp_ct_leak").read_bytes()
    bad = tmp_path / "cut.o"
    bad.write_bytes(data[:cut])
    with pytest.raises(InputError) as e:
        load(bad)
    assert e.value.file == str(bad) and e.value.msg


def test_corrupt_objects_give_input_errors_only(tmp_path: Path) -> None:
    import random

    data = example("xdp_synproxy_established").read_bytes()
    rng = random.Random(7)
    bad = tmp_path / "fuzz.o"
    for _ in range(300):
        b = bytearray(data)
        for _ in range(rng.randint(1, 6)):
            b[rng.randrange(len(b))] = rng.randrange(256)
        bad.write_bytes(bytes(b))
        try:
            load(bad)
        except InputError as e:
            assert e.file == str(bad)


def test_not_bpf_is_an_input_error(tmp_path: Path) -> None:
    host = Path(sys.executable).resolve()
    with pytest.raises(InputError, match="not a BPF object|not a 64-bit"):
        load_elf(host)


def test_cli_disasm_of_a_truncated_object(tmp_path: Path) -> None:
    bad = tmp_path / "bad.o"
    bad.write_bytes(example("xdp_ct_leak").read_bytes()[:1500])
    r = subprocess.run([sys.executable, "-m", "verifier_model", "disasm", str(bad)], capture_output=True,
                       text=True, cwd=ROOT, check=False)
    assert r.returncode == 2
    assert str(bad) in r.stderr and "error:" in r.stderr
    assert "Traceback" not in r.stderr + r.stdout


def test_cli_disasm_of_an_object() -> None:
    r = subprocess.run([sys.executable, "-m", "verifier_model", "disasm", str(example("xdp_ct_alloc_insert"))],
                       capture_output=True, text=True, cwd=ROOT, check=False)
    assert r.returncode == 0, r.stderr
    assert "call bpf_xdp_ct_lookup" in r.stdout and "call init_opts" in r.stdout
    assert re.search(r"^init_opts:", r.stdout, re.MULTILINE)
