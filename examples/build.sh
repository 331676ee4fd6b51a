#!/bin/sh
# Build every examples/*.c into a BPF object next to it:
#   clang-19 -O2 -g -target bpf -mcpu=v3 -c examples/foo.c -o examples/foo.o
# run from the repository root with -fdebug-compilation-dir=. so the objects' BTF line info
# names ./examples/foo.c (reproducible, and clang can still read the source lines into it).
# CLANG=... overrides the compiler. Then `verifier-model record examples/*.o` records what
# the running kernel says about each program into foo.expect.json, and
# `verifier-model check examples/*.o` compares the model with it.
set -eu
cd "$(dirname "$0")/.."
CLANG=${CLANG:-clang-19}
# the UAPI headers include <asm/types.h>, which lives under the multiarch directory
ARCH_INC=/usr/include/$(uname -m)-linux-gnu
for src in examples/*.c; do
	obj=${src%.c}.o
	echo "  CC  $obj"
	"$CLANG" -O2 -g -target bpf -mcpu=v3 -Wall -Werror -I"$ARCH_INC" -fdebug-compilation-dir=. \
		-c "$src" -o "$obj"
done
