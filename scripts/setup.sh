#!/usr/bin/env bash
# Everything the project needs on a fresh Debian machine: the BPF toolchain from apt, then a
# virtualenv in .venv with the package (editable) and its test extra from PyPI. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBIAN_FRONTEND=noninteractive
need=()
for tool in llvm-mc-19:llvm-19 clang-19:clang-19 bpftool:bpftool capsh:libcap2-bin; do
  command -v "${tool%%:*}" >/dev/null 2>&1 || need+=("${tool##*:}")
done
if ((${#need[@]})); then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -qq >/dev/null
    apt-get install -y -qq "${need[@]}" >/dev/null \
      || echo "setup: warning: apt could not install ${need[*]}; tests needing them will skip" >&2
  else
    echo "setup: note: ${need[*]} missing (not root or no apt); tests needing them will skip" >&2
  fi
fi
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null
.venv/bin/python -m pip install -q -e '.[test]'
