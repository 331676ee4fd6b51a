"""verifier-model disasm FILE: print the program(s) in FILE in LLVM syntax (what the assembly
frontend reads back), in the kernel verifier log's form (`N: (xx) text`, kernel/bpf/disasm.c),
or as hex bytes. Any input `load` reads: assembly, ELF, .bin, verifier log, xlated, objdump."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from ..program import Program
from .record import add_prog_type_argument

FORMATS = ("llvm", "kernel", "hex")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE")
    parser.add_argument("--format", choices=FORMATS, default="llvm",
                        help="llvm: LLVM assembly (default); kernel: as the verifier log prints it; "
                        "hex: instruction bytes")
    add_prog_type_argument(parser)


def printer(fmt: str) -> Callable[[Program], str]:
    if fmt == "kernel":
        from ..isa.printer_kernel import format_program_kernel

        return format_program_kernel
    if fmt == "hex":
        from ..isa.printer_hex import format_program

        return format_program
    from ..isa.printer_llvm import format_program as format_llvm

    return format_llvm


def run(args: argparse.Namespace) -> int:
    from ..frontend import load

    programs = load(args.file, args.prog_type)
    try:
        show = printer(args.format)
    except ImportError as e:
        print(f"verifier-model disasm: --format {args.format} is not available in this build ({e})", file=sys.stderr)
        return 1
    out = sys.stdout
    for k, program in enumerate(programs):
        if len(programs) > 1:
            if k:
                out.write("\n")
            out.write(f"; section {program.section or program.name}\n")
        out.write(show(program))
    out.flush()
    return 0
