"""Assembly parsing throughput: a generated 100k-line file, parsed by frontend.asm.parse.

    .venv/bin/python bench/bench_parse.py [--lines N] [--repeat R] [--seed S] [--write FILE]

The file is a realistic mix, in the proportions of clang output and of the corpus: programs of a
few hundred to a few thousand lines in `.section`s, each with its maps, stack stores and loads,
ALU on 64- and 32-bit registers, conditional jumps to labels, helper and kfunc calls by name,
map references, a bpf-to-bpf subprogram, comments, blank lines and the directives clang writes.
Prints lines/s (best of R runs; each run parses the whole file, cold per-line caches).
`--grammar-only` sends every line through the LALR parser, for comparison.
"""
from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from verifier_model.frontend import asm

HELPERS = ["bpf_map_lookup_elem", "bpf_map_update_elem", "bpf_ktime_get_ns", "bpf_get_prandom_u32",
           "bpf_trace_printk", "bpf_redirect", "bpf_xdp_adjust_head"]
KFUNCS = ["bpf_xdp_ct_lookup", "bpf_ct_release"]
ALU = ["+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "<<=", ">>=", "s>>=", "="]
CMP = ["==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<=", "&"]
SIZES = ["u8", "u16", "u32", "u64"]


def _program(rng: random.Random, k: int, n: int) -> list[str]:
    out = [f"\t.section xdp/prog{k}", f"\t.map m{k}, type=hash, key=4, value=64, entries=128",
           "\t.globl prog", "\t.p2align 3", f"prog{k}:  # the entry point", "\tr6 = r1"]
    labels = 0
    pending: list[str] = []
    while len(out) < n - 8:
        r = rng.random()
        a, b = rng.randrange(0, 10), rng.randrange(0, 10)
        if r < 0.22:
            out.append(f"\tr{a} {rng.choice(ALU)} r{b}")
        elif r < 0.36:
            out.append(f"\tw{a} {rng.choice(ALU)} {rng.randrange(-100, 5000)}")
        elif r < 0.48:
            out.append(f"\t*({rng.choice(SIZES)} *)(r10 - {8 * rng.randrange(1, 64)}) = r{a}")
        elif r < 0.60:
            out.append(f"\tr{a} = *({rng.choice(SIZES)} *)(r{b} + {rng.randrange(0, 200)})")
        elif r < 0.70:
            labels += 1
            name = f".LBB{k}_{labels}"
            pending.append(name)
            rhs = f"r{b}" if rng.random() < 0.4 else str(rng.randrange(0, 1 << 16))
            out.append(f"\tif r{a} {rng.choice(CMP)} {rhs} goto {name}")
        elif r < 0.76 and pending:
            out.append(f"{pending.pop(0)}:")
        elif r < 0.80:
            out += [f"\tr1 = m{k} ll", "\tr2 = r10", "\tr2 += -8", f"\tcall {rng.choice(HELPERS)}"]
        elif r < 0.82:
            out.append(f"\tcall {rng.choice(KFUNCS)}")
        elif r < 0.86:
            out.append(f"\t# {rng.choice(['load the key', 'bounds check', 'spill', 'refill'])}")
        elif r < 0.88:
            out.append("")
        elif r < 0.91:
            out.append(f"\tr{a} = {rng.randrange(0, 1 << 40)} ll")
        elif r < 0.93:
            out.append(f"\tlock *(u64 *)(r{a} + {8 * rng.randrange(0, 8)}) += r{b}")
        elif r < 0.95:
            out.append(f"\tr{a} = be{rng.choice([16, 32, 64])} r{a}")
        elif r < 0.97:
            out.append(f"\t.loc 1 {rng.randrange(1, 500)} {rng.randrange(1, 40)}")
        else:
            out.append(f"\tr{a} = *(s{rng.choice([8, 16, 32])} *)(r10 - {8 * rng.randrange(1, 64)})")
    for name in pending:
        out.append(f"{name}:")
    out += ["\tcall sub", "\tr0 = 2", "\texit", "sub:", "\tr0 = 0", "\texit", ""]
    return out


def build(lines: int, seed: int = 1) -> str:
    rng = random.Random(seed)
    out: list[str] = []
    k = 0
    while len(out) < lines:
        n = min(rng.randrange(200, 4000), max(lines - len(out), 20))
        out += _program(rng, k, n)
        k += 1
    return "\n".join(out) + "\n"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--lines", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--write", metavar="FILE", help="also write the generated file")
    ap.add_argument("--grammar-only", action="store_true",
                    help="every line through the LALR parser (no per-line cache, no fast path)")
    args = ap.parse_args()
    if args.grammar_only:
        asm._parse_insn = lambda parser, body: parser.parse(body)  # type: ignore[assignment]
    text = build(args.lines, args.seed)
    if args.write:
        Path(args.write).write_text(text)
    nlines = text.count("\n")
    asm.parse(text, "<warm-up>")  # the LALR tables (lark) are built once per process
    best = float("inf")
    for _ in range(args.repeat):
        asm.clear_caches()
        t0 = time.perf_counter()
        progs = asm.parse(text, "bench.s")
        best = min(best, time.perf_counter() - t0)
    slots = sum(len(p.insns) for p in progs)
    mode = "grammar only" if args.grammar_only else "cache + fast path"
    print(f"{nlines} lines, {len(progs)} programs, {slots} instruction slots ({mode}): "
          f"{best:.3f} s, {nlines / best:,.0f} lines/s (best of {args.repeat})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
