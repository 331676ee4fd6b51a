#!/usr/bin/env python3
"""Write verifier_model/data/btf_snapshot.json and verifier_model/data/kfuncs.json from the
running kernel's BTF (or `--btf FILE`).

The snapshot keeps the running kernel's type ids; see verifier_model/btf/snapshot.py for what
it holds. kfuncs.json is {name: BTF id} of every FUNC tagged `bpf_kfunc`.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import platform
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from verifier_model.btf import VMLINUX_BTF, Btf, Kind
from verifier_model.btf.snapshot import (
    KFUNCS_PATH,
    ROOT_FUNCS,
    ROOT_TYPES,
    SNAPSHOT_PATH,
    dumps,
    select_types,
)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--btf", default=str(VMLINUX_BTF), help="raw BTF to read (default: %(default)s)")
    ap.add_argument("--release", default=platform.release().split("-")[0],
                    help="kernel release recorded in the snapshot (default: the running one)")
    ap.add_argument("--pointer-depth", type=int, default=1)
    ap.add_argument("--out", default=str(SNAPSHOT_PATH))
    ap.add_argument("--kfuncs-out", default=str(KFUNCS_PATH))
    args = ap.parse_args(argv)

    btf = Btf.from_file(args.btf)
    kfuncs = btf.kfuncs()
    roots: list[int] = []
    for name in ROOT_TYPES:
        t = btf.find(name, Kind.STRUCT) or btf.find(name, Kind.UNION)
        if t is None:
            print(f"make_btf_snapshot: warning: no struct {name} in {args.btf}", file=sys.stderr)
            continue
        roots.append(t.id)
    for name in ROOT_FUNCS:
        f = btf.find(name, Kind.FUNC)
        if f is not None:
            roots.append(f.id)
    roots += kfuncs.values()
    types = select_types(btf, roots, args.pointer_depth)

    digest = hashlib.sha256(Path(args.btf).read_bytes()).hexdigest()
    Path(args.out).write_text(dumps(types, kernel=args.release, nr_types=len(btf), btf_sha256=digest))
    Path(args.kfuncs_out).write_text(json.dumps(dict(sorted(kfuncs.items())), indent=1) + "\n")
    print(f"{args.out}: {len(types)} types; {args.kfuncs_out}: {len(kfuncs)} kfuncs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
