"""The embedded snapshot of the reference kernel's BTF and kfuncs.json."""
from __future__ import annotations

import hashlib
import json
import os
import platform

import pytest

from verifier_model.btf import VMLINUX_BTF, Btf, Kind, kernel_btf, kfunc_ids, load_snapshot
from verifier_model.btf.snapshot import (
    KFUNCS_PATH,
    SNAPSHOT_PATH,
    dumps,
    select_types,
    type_from_json,
    type_to_json,
)

CT_KFUNCS = (
    "bpf_xdp_ct_lookup", "bpf_skb_ct_lookup", "bpf_xdp_ct_alloc", "bpf_skb_ct_alloc",
    "bpf_ct_insert_entry", "bpf_ct_release", "bpf_ct_set_timeout", "bpf_ct_change_timeout",
    "bpf_ct_set_status", "bpf_ct_change_status", "bpf_ct_set_nat_info",
)


@pytest.fixture(scope="module")
def snapshot() -> Btf:
    return load_snapshot()


def test_kfuncs_json_is_name_to_id(snapshot: Btf) -> None:
    data = json.loads(KFUNCS_PATH.read_text())
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in data.items())
    assert data == kfunc_ids() == snapshot.kfuncs()
    for name in CT_KFUNCS:
        assert snapshot[data[name]].name == name


def test_snapshot_keeps_the_kernels_ids_for_ct_kfuncs(snapshot: Btf) -> None:
    lookup = snapshot.find("bpf_xdp_ct_lookup", Kind.FUNC)
    assert lookup is not None and lookup.id == kfunc_ids()["bpf_xdp_ct_lookup"]
    proto = snapshot.func_proto(lookup.id)
    assert [p.name for p in proto.params] == ["xdp_ctx", "bpf_tuple", "tuple__sz", "opts", "opts__sz"]
    assert snapshot.c_name(proto.params[3].type) == "struct bpf_ct_opts *"
    assert snapshot.resolve_ptr(proto.type) == snapshot.find("nf_conn", Kind.STRUCT)


def test_snapshot_holds_nf_conn_transitively(snapshot: Btf) -> None:
    ct = snapshot.find("nf_conn", Kind.STRUCT)
    assert ct is not None and ct.size == 248
    todo = [ct.id]
    seen: set[int] = set()
    while todo:  # everything nf_conn contains is complete
        t = snapshot[todo.pop()]
        if t.id in seen:
            continue
        seen.add(t.id)
        assert t.kind != Kind.FWD, t
        if t.kind == Kind.PTR:
            continue
        todo += [m.type for m in t.members if m.type]
        if t.array:
            todo.append(t.array.type)
        if t.is_modifier:
            todo.append(t.type)
    # pointee one level down: name, size and members
    ext = snapshot.resolve_ptr(ct.member("ext").type)  # type: ignore[union-attr]
    assert ext is not None and ext.name == "nf_ct_ext" and ext.size and ext.members
    net = snapshot.find("net", Kind.STRUCT)
    assert net is not None and net.size > 0 and net.members


def test_snapshot_has_the_models_types_and_non_kfunc_funcs(snapshot: Btf) -> None:
    for name in ("nf_conn___init", "bpf_sock_tuple", "bpf_ct_opts", "xdp_md", "__sk_buff",
                 "bpf_sock", "sock_common", "nf_ct_ext", "net"):
        assert snapshot.find(name, Kind.STRUCT) is not None, name
    assert snapshot.find("nf_inet_addr", Kind.UNION) is not None
    assert snapshot.find("bpf_ctx_init", Kind.FUNC) is not None  # A8 calls it


def test_snapshot_json_round_trips(snapshot: Btf) -> None:
    for t in list(snapshot)[:500]:
        assert type_from_json(type_to_json(t)) == t
    text = dumps(list(snapshot)[:10], kernel="x", nr_types=len(snapshot))
    assert json.loads(text)["nr_types"] == len(snapshot)


def test_kernel_btf_falls_back_to_the_snapshot(monkeypatch: pytest.MonkeyPatch) -> None:
    import verifier_model.btf as btf_mod

    monkeypatch.setattr(btf_mod, "VMLINUX_BTF", SNAPSHOT_PATH.parent / "no-such-file")
    btf_mod._live_btf.cache_clear()
    monkeypatch.setattr(btf_mod, "_live_btf", btf_mod._live_btf.__wrapped__)  # uncached for this test
    btf = kernel_btf()
    assert btf.origin.startswith("snapshot of ")
    assert btf.find("nf_conn", Kind.STRUCT) is not None


def test_kernel_btf_reads_an_explicit_file(tmp_path: os.PathLike[str]) -> None:
    from verifier_model.btf import BtfBuilder

    b = BtfBuilder()
    b.add_int("int", 4)
    path = os.path.join(tmp_path, "x.btf")
    with open(path, "wb") as f:
        f.write(b.to_bytes())
    assert kernel_btf(path).find("int") is not None


@pytest.mark.skipif(not os.access(VMLINUX_BTF, os.R_OK), reason="no readable /sys/kernel/btf/vmlinux")
def test_snapshot_agrees_with_the_running_kernel(snapshot: Btf) -> None:
    live = kernel_btf()
    release = platform.release().split("-")[0]
    doc = json.loads(SNAPSHOT_PATH.read_text())
    if doc["kernel"] != release:
        pytest.skip(f"snapshot is of {doc['kernel']}, this kernel is {release}")
    digest = hashlib.sha256(VMLINUX_BTF.read_bytes()).hexdigest()
    if doc["btf_sha256"] != digest:
        pytest.skip(f"this kernel is another build of {release} (its BTF has {len(live)} types, "
                    f"the snapshot's {doc['nr_types']}): refresh with scripts/make_btf_snapshot.py")
    assert len(snapshot) == len(live)
    assert snapshot.kfuncs() == live.kfuncs()
    for t in snapshot:
        if t.kind != Kind.FWD:
            assert live[t.id] == t
        else:
            assert live[t.id].name == t.name
    roots = [live.find("nf_conn", Kind.STRUCT).id]  # type: ignore[union-attr]
    assert {t.id for t in select_types(live, roots)} <= {t.id for t in snapshot}
