"""Argument parsing only: each subcommand lives in verifier_model/commands/<name>.py and
exposes `add_arguments(parser)` and `run(args) -> int`."""
from __future__ import annotations

import argparse
import importlib
import sys

from .errors import InputError

COMMANDS = {
    "check": "check a program: accept or reject, with the kernel's error text",
    "disasm": "print a program in LLVM syntax, the kernel log's form, or hex",
    "explain": "the level-2 log annotated with each reference's life",
    "record": "load programs into the running kernel and record its verdict in their headers",
    "diff": "model and kernel side by side, down to the first differing state",
    "fuzz": "differential fuzzing of the model against the running kernel",
    "triage": "check a corpus in parallel; summary, CSV, compare",
    "reduce": "shrink a program while keeping its error class",
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="verifier-model", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    for name, help_text in COMMANDS.items():
        try:
            mod = importlib.import_module(f"verifier_model.commands.{name}")
        except ModuleNotFoundError as e:
            if e.name != f"verifier_model.commands.{name}":
                raise
            continue
        p = sub.add_parser(name, help=help_text, description=help_text)
        mod.add_arguments(p)
        p.set_defaults(_run=mod.run)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args._run(args))
    except InputError as e:
        print(str(e), file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
