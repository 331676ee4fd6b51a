"""The BTF reader and writer: hand-built blobs of every kind, clang's .BTF, the live vmlinux."""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from verifier_model.btf import VMLINUX_BTF, Btf, BtfBuilder, BtfError, Kind, Member, Param
from verifier_model.btf.types import (
    ArrayInfo,
    BtfType,
    EnumValue,
    IntEncoding,
    IntInfo,
    Linkage,
    VarSecInfo,
)

live_btf = pytest.mark.skipif(not os.access(VMLINUX_BTF, os.R_OK), reason="no readable /sys/kernel/btf/vmlinux")


def every_kind_blob() -> tuple[bytes, dict[str, int]]:
    """A blob with one type of every kind; returns the blob and the ids by label."""
    b = BtfBuilder()
    ids: dict[str, int] = {}
    ids["int"] = b.add_int("int", 4)
    ids["u8"] = b.add(BtfType(0, Kind.INT, "unsigned char", size=1, int_info=IntInfo(IntEncoding.CHAR, 0, 8)))
    ids["ptr"] = b.add_ptr(ids["int"])
    ids["arr"] = b.add(BtfType(0, Kind.ARRAY, array=ArrayInfo(ids["u8"], ids["int"], 6)))
    ids["struct"] = b.add_struct("pair", 16, [
        Member("x", ids["int"], 0),
        Member("flags", ids["int"], 32, bitfield_size=3),
        Member("tail", ids["arr"], 64),
    ])
    ids["union"] = b.add(BtfType(0, Kind.UNION, "u", size=4, members=(Member("i", ids["int"], 0),)))
    ids["enum"] = b.add(BtfType(0, Kind.ENUM, "e", size=4, kflag=True,
                                values=(EnumValue("A", 1), EnumValue("B", -2))))
    ids["fwd"] = b.add(BtfType(0, Kind.FWD, "later", kflag=True))
    ids["typedef"] = b.add(BtfType(0, Kind.TYPEDEF, "pair_t", type=ids["struct"]))
    ids["volatile"] = b.add(BtfType(0, Kind.VOLATILE, type=ids["typedef"]))
    ids["const"] = b.add(BtfType(0, Kind.CONST, type=ids["volatile"]))
    ids["restrict"] = b.add(BtfType(0, Kind.RESTRICT, type=ids["ptr"]))
    ids["proto"] = b.add_func_proto(ids["int"], [Param("ctx", ids["ptr"]), Param("len__sz", ids["int"])])
    ids["func"] = b.add_func("f", ids["proto"], Linkage.GLOBAL)
    ids["var"] = b.add(BtfType(0, Kind.VAR, "v", type=ids["int"], linkage=Linkage.GLOBAL))
    ids["datasec"] = b.add(BtfType(0, Kind.DATASEC, ".data", size=4, secinfo=(VarSecInfo(ids["var"], 0, 4),)))
    ids["float"] = b.add(BtfType(0, Kind.FLOAT, "double", size=8))
    ids["decl_tag"] = b.add(BtfType(0, Kind.DECL_TAG, "bpf_kfunc", type=ids["func"], component_idx=-1))
    ids["param_tag"] = b.add(BtfType(0, Kind.DECL_TAG, "arg:ctx", type=ids["func"], component_idx=0))
    ids["type_tag"] = b.add(BtfType(0, Kind.TYPE_TAG, "rcu", type=ids["struct"]))
    ids["enum64"] = b.add(BtfType(0, Kind.ENUM64, "big", size=8, kflag=True,
                                  values=(EnumValue("LO", -1), EnumValue("HI", 1 << 40))))
    return b.to_bytes(), ids


def test_every_kind_round_trips_through_the_writer() -> None:
    blob, ids = every_kind_blob()
    btf = Btf.from_bytes(blob)
    assert len(btf) == len(ids) + 1
    assert {t.kind for t in btf} == set(Kind) - {Kind.UNKN}
    again = BtfBuilder()
    for t in btf:
        again.add(t)
    assert Btf.from_bytes(again.to_bytes())[ids["struct"]] == btf[ids["struct"]]
    assert [t for t in Btf.from_bytes(again.to_bytes())] == list(btf)


def test_members_keep_bit_offsets_and_bitfields() -> None:
    blob, ids = every_kind_blob()
    pair = Btf.from_bytes(blob)[ids["struct"]]
    assert pair.is_struct and pair.size == 16 and pair.kflag
    assert [(m.name, m.bit_offset, m.bitfield_size, m.offset) for m in pair.members] == [
        ("x", 0, 0, 0), ("flags", 32, 3, 4), ("tail", 64, 0, 8),
    ]


def test_values_of_signed_enums_and_enum64() -> None:
    blob, ids = every_kind_blob()
    btf = Btf.from_bytes(blob)
    assert [(v.name, v.value) for v in btf[ids["enum"]].values] == [("A", 1), ("B", -2)]
    assert [(v.name, v.value) for v in btf[ids["enum64"]].values] == [("LO", -1), ("HI", 1 << 40)]
    assert btf[ids["enum"]].is_signed and btf[ids["enum"]].is_scalar


def test_modifiers_typedefs_and_type_tags_are_skipped() -> None:
    blob, ids = every_kind_blob()
    btf = Btf.from_bytes(blob)
    assert btf.skip_modifiers(ids["const"]).id == ids["struct"]
    assert btf.skip_modifiers(ids["type_tag"]).id == ids["struct"]
    assert btf.resolve_ptr(ids["restrict"]) == btf[ids["int"]]
    assert btf.c_name(ids["const"]) == "const volatile pair_t"
    assert btf.c_name(ids["restrict"]) == "restrict int *"


def test_sizes_follow_arrays_pointers_and_typedefs() -> None:
    blob, ids = every_kind_blob()
    btf = Btf.from_bytes(blob)
    assert btf.size_of(ids["arr"]) == 6
    assert btf.size_of(ids["ptr"]) == 8
    assert btf.size_of(ids["const"]) == 16
    assert btf.size_of(ids["fwd"]) is None
    assert btf.size_of(ids["proto"]) is None
    assert btf.size_of(0) is None


def test_func_protos_keep_parameter_names() -> None:
    blob, ids = every_kind_blob()
    btf = Btf.from_bytes(blob)
    f = btf.find("f", Kind.FUNC)
    assert f is not None and f.linkage == Linkage.GLOBAL
    proto = btf.func_proto(f.id)
    assert [(p.name, p.type) for p in proto.params] == [("ctx", ids["ptr"]), ("len__sz", ids["int"])]
    assert btf[proto.type].name == "int"


def test_decl_tags_mark_kfuncs() -> None:
    blob, ids = every_kind_blob()
    btf = Btf.from_bytes(blob)
    assert btf.kfuncs() == {"f": ids["func"]}
    assert btf.decl_tags(ids["func"], -1) == ["bpf_kfunc"]
    assert btf.decl_tags(ids["func"], 0) == ["arg:ctx"]
    assert sorted(btf.decl_tags(ids["func"])) == ["arg:ctx", "bpf_kfunc"]


def test_lookup_by_name_and_kind() -> None:
    blob, ids = every_kind_blob()
    btf = Btf.from_bytes(blob)
    assert btf.find("pair").id == ids["struct"]  # type: ignore[union-attr]
    assert btf.find("pair", Kind.TYPEDEF) is None
    assert btf.find("pair_t", Kind.TYPEDEF).id == ids["typedef"]  # type: ignore[union-attr]
    assert btf.find("nope") is None
    assert [t.id for t in btf.find_all("int")] == [ids["int"]]
    assert btf.get(10_000) is None and 10_000 not in btf and 0 in btf
    assert btf[0].is_void


def test_split_btf_numbers_after_its_base() -> None:
    base_blob, ids = every_kind_blob()
    base = Btf.from_bytes(base_blob)
    # split BTF: type ids continue after the base's, string offsets after the base's strings
    types = struct.pack("<III", base.str_len + 1, (Kind.PTR << 24), ids["struct"])
    types += struct.pack("<III", base.str_len + 1 + 7, (Kind.TYPEDEF << 24), len(base))
    strings = b"\0pair_p\0pp_t\0"
    hdr = struct.pack("<HBBIIIII", 0xEB9F, 1, 0, 24, 0, len(types), len(types), len(strings))
    split = Btf.from_bytes(hdr + types + strings, base=base)
    assert split.start_id == len(base)
    assert split[len(base)].is_ptr and split[len(base)].name == "pair_p"
    assert split.find("pp_t").type == len(base)  # type: ignore[union-attr]
    assert split.find("pair").id == ids["struct"]  # type: ignore[union-attr]
    assert split.resolve_ptr(len(base) + 1) == base[ids["struct"]]


def test_big_endian_blobs_are_read() -> None:
    b = BtfBuilder()
    b.add_int("int", 4)
    b.add_struct("s", 4, [Member("a", 1, 0)])
    blob = b.to_bytes()
    # byte-swap every u32 of header fields/type records by rebuilding with '>' formats
    hdr = struct.unpack_from("<HBBIIIII", blob)
    body = blob[24:24 + hdr[5]]
    swapped = b"".join(struct.pack(">I", w) for (w,) in struct.iter_unpack("<I", body))
    be = struct.pack(">HBBIIIII", *hdr) + swapped + blob[24 + hdr[5]:]
    btf = Btf.from_bytes(be)
    assert btf.find("s").members == (Member("a", 1, 0),)  # type: ignore[union-attr]


def test_malformed_blobs_are_errors() -> None:
    with pytest.raises(BtfError, match="magic"):
        Btf.from_bytes(b"\0" * 32)
    blob, _ = every_kind_blob()
    with pytest.raises(BtfError):
        Btf.from_bytes(blob[:40])


@pytest.mark.skipif(shutil.which("clang-19") is None, reason="clang-19 not installed")
def test_reads_the_btf_section_of_a_clang_object(tmp_path: Path) -> None:
    from elftools.elf.elffile import ELFFile

    src = tmp_path / "p.c"
    src.write_text(
        "struct S { int a; unsigned b:3, c:5; } __attribute__((preserve_access_index));\n"
        "static __attribute__((noinline)) int sub(int x) { return x + 1; }\n"
        '__attribute__((section("xdp"))) int prog(struct S *s) { return sub(s->a) + s->c; }\n'
        'char _license[] __attribute__((section("license"))) = "GPL";\n'
    )
    obj = tmp_path / "p.o"
    subprocess.run(["clang-19", "-target", "bpf", "-g", "-O2", "-c", str(src), "-o", str(obj)], check=True)
    with obj.open("rb") as f:
        section = ELFFile(f).get_section_by_name(".BTF")
        assert section is not None
        btf = Btf.from_bytes(section.data())
    s = btf.find("S", Kind.STRUCT)
    assert s is not None
    assert [(m.name, m.bit_offset, m.bitfield_size) for m in s.members] == [("a", 0, 0), ("b", 32, 3), ("c", 35, 5)]
    prog, sub = btf.find("prog", Kind.FUNC), btf.find("sub", Kind.FUNC)
    assert prog is not None and prog.linkage == Linkage.GLOBAL
    assert sub is not None and sub.linkage == Linkage.STATIC
    assert [p.name for p in btf.func_proto(sub.id).params] == ["x"]
    assert btf.find("license", Kind.DATASEC) is not None


# --- the running kernel's BTF ----------------------------------------------------------------
@live_btf
def test_vmlinux_nf_conn_layout() -> None:
    btf = Btf.from_file(VMLINUX_BTF)
    ct = btf.find("nf_conn", Kind.STRUCT)
    assert ct is not None and ct.size == 248
    mark = ct.member("mark")
    assert mark is not None and mark.offset == 168 and btf.size_of(mark.type) == 4
    master = ct.member("master")
    assert master is not None and btf.resolve_ptr(master.type) == ct
    assert btf.c_name(master.type) == "struct nf_conn *"


@live_btf
def test_vmlinux_ct_kfuncs_are_tagged_with_named_params() -> None:
    btf = Btf.from_file(VMLINUX_BTF)
    kfuncs = btf.kfuncs()
    for name in ("bpf_xdp_ct_lookup", "bpf_skb_ct_lookup", "bpf_xdp_ct_alloc", "bpf_skb_ct_alloc",
                 "bpf_ct_insert_entry", "bpf_ct_release", "bpf_ct_set_timeout", "bpf_ct_change_timeout",
                 "bpf_ct_set_status", "bpf_ct_change_status", "bpf_ct_set_nat_info"):
        assert name in kfuncs
    assert "bpf_ctx_init" not in kfuncs  # a FUNC, but not a kfunc
    lookup = btf.func_proto(kfuncs["bpf_xdp_ct_lookup"])
    assert [p.name for p in lookup.params] == ["xdp_ctx", "bpf_tuple", "tuple__sz", "opts", "opts__sz"]
    assert btf.c_name(lookup.type) == "struct nf_conn *"


@live_btf
def test_vmlinux_round_trips_through_the_writer() -> None:
    btf = Btf.from_file(VMLINUX_BTF)
    out = BtfBuilder()
    for t in btf:
        assert out.add(t) == t.id
    again = Btf.from_bytes(out.to_bytes())
    assert len(again) == len(btf)
    for name in ("nf_conn", "sk_buff", "bpf_ct_opts", "task_struct"):
        found = btf.find(name)
        assert found is not None and again[found.id] == found
