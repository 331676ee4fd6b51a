"""The embedded snapshot of the reference kernel's BTF: the types the model needs, under the
running kernel's own type ids, so messages that print ids (`bpf_xdp_ct_lookup#66135`) match.

What is kept (`select_types`): the roots and everything they contain (members, array elements,
typedefs, modifiers, function prototypes), and through pointers one more level, again with
everything those pointees contain. A pointee beyond that horizon is kept as a FWD record of the
same id and name: its name is known, its layout is not. Written by scripts/make_btf_snapshot.py
as JSON, one type per line.
"""
from __future__ import annotations

import json
from collections import deque
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .reader import Btf
from .types import (
    SIZED_KINDS,
    ArrayInfo,
    BtfType,
    EnumValue,
    IntInfo,
    Kind,
    Member,
    Param,
    VarSecInfo,
)

DATA_DIR = Path(__file__).resolve().parent.parent / "data"
SNAPSHOT_PATH = DATA_DIR / "btf_snapshot.json"
KFUNCS_PATH = DATA_DIR / "kfuncs.json"

# The model's types (kernel_semantics.md sections 2, 3, 7) besides every bpf_kfunc.
ROOT_TYPES: tuple[str, ...] = (
    "nf_conn",
    "nf_conn___init",
    "bpf_sock_tuple",
    "bpf_ct_opts",
    "nf_inet_addr",
    "xdp_md",
    "__sk_buff",
    "bpf_sock",
    "sock_common",
    "nf_ct_ext",
    "net",
    "xdp_buff",
    "sk_buff",
    "nf_nat_range2",
)
# Functions that are not kfuncs but that tests call as such (A8: bpf_ctx_init).
ROOT_FUNCS: tuple[str, ...] = ("bpf_ctx_init",)


def _refs(t: BtfType) -> list[int]:
    """Type ids a type contains (not through pointers)."""
    out = [] if t.kind in SIZED_KINDS or t.kind == Kind.PTR else [t.type]
    out += [m.type for m in t.members]
    out += [p.type for p in t.params]
    out += [s.type for s in t.secinfo]
    if t.array is not None:
        out += [t.array.type, t.array.index_type]
    return [x for x in out if x]


def select_types(btf: Btf, roots: Iterable[int], pointer_depth: int = 1) -> list[BtfType]:
    """The roots' closure: containment always, pointers `pointer_depth` levels deep; structs
    beyond are FWD stand-ins; decl tags of kept types are kept."""
    kept: dict[int, BtfType] = {}
    # 0-1 BFS: a type is first reached through the fewest pointers, so it is kept whole
    # whenever some path reaches it within the horizon
    todo: deque[tuple[int, int]] = deque((tid, 0) for tid in roots)
    while todo:
        tid, depth = todo.popleft()
        if tid in kept:
            continue
        t = btf[tid]
        if depth > pointer_depth and t.is_struct:
            kept[tid] = BtfType(tid, Kind.FWD, t.name, kflag=t.kind == Kind.UNION)
            continue
        kept[tid] = t
        if t.kind == Kind.PTR:
            if t.type:
                todo.append((t.type, depth + 1))
            continue
        todo.extendleft((r, depth) for r in _refs(t))
    for tag_id in btf.ids_of_kind(Kind.DECL_TAG):
        tag = btf[tag_id]
        if tag.type in kept:
            kept[tag_id] = tag
    return [kept[tid] for tid in sorted(kept)]


# --- JSON ------------------------------------------------------------------------------------
def type_to_json(t: BtfType) -> dict[str, Any]:
    d: dict[str, Any] = {"id": t.id, "kind": t.kind.name}
    if t.name:
        d["name"] = t.name
    if t.size:
        d["size"] = t.size
    if t.type:
        d["type"] = t.type
    if t.kflag:
        d["kflag"] = 1
    if t.vlen and t.kind in (Kind.FUNC,):
        d["vlen"] = t.vlen
    if t.members:
        d["members"] = [[m.name, m.type, m.bit_offset, m.bitfield_size] for m in t.members]
    if t.params:
        d["params"] = [[p.name, p.type] for p in t.params]
    if t.values:
        d["values"] = [[v.name, v.value] for v in t.values]
    if t.secinfo:
        d["secinfo"] = [[s.type, s.offset, s.size] for s in t.secinfo]
    if t.array is not None:
        d["array"] = [t.array.type, t.array.index_type, t.array.nelems]
    if t.int_info is not None:
        d["int"] = [t.int_info.encoding, t.int_info.offset, t.int_info.bits]
    if t.linkage:
        d["linkage"] = t.linkage
    if t.kind == Kind.DECL_TAG:
        d["component_idx"] = t.component_idx
    return d


def type_from_json(d: dict[str, Any]) -> BtfType:
    members = tuple(Member(*m) for m in d.get("members", ()))
    params = tuple(Param(*p) for p in d.get("params", ()))
    values = tuple(EnumValue(*v) for v in d.get("values", ()))
    secinfo = tuple(VarSecInfo(*s) for s in d.get("secinfo", ()))
    vlen = d.get("vlen") or len(members) or len(params) or len(values) or len(secinfo)
    return BtfType(
        id=d["id"],
        kind=Kind[d["kind"]],
        name=d.get("name", ""),
        size=d.get("size", 0),
        type=d.get("type", 0),
        kflag=bool(d.get("kflag", 0)),
        vlen=vlen,
        members=members,
        params=params,
        values=values,
        secinfo=secinfo,
        array=ArrayInfo(*d["array"]) if "array" in d else None,
        int_info=IntInfo(*d["int"]) if "int" in d else None,
        linkage=d.get("linkage", 0),
        component_idx=d.get("component_idx", -1),
    )


def dumps(types: Iterable[BtfType], *, kernel: str, nr_types: int, btf_sha256: str = "") -> str:
    """The snapshot file: a header (kernel release, number of types, sha256 of the whole raw
    BTF it was cut from, which tells one build of a release from another) and one type a line."""
    lines = [json.dumps(type_to_json(t), separators=(",", ":")) for t in types]
    head = json.dumps({"kernel": kernel, "nr_types": nr_types, "btf_sha256": btf_sha256})
    return head[:-1] + ', "types": [\n' + ",\n".join(lines) + "\n]}\n"


def load_snapshot(path: str | Path = SNAPSHOT_PATH) -> Btf:
    """The snapshot as a Btf (same API as the live one; ids absent from it raise KeyError)."""
    doc = json.loads(Path(path).read_text())
    btf = Btf.from_types((type_from_json(d) for d in doc["types"]), nr_types=doc.get("nr_types"))
    btf.origin = f"snapshot of {doc.get('kernel', '?')} ({path})"
    return btf
