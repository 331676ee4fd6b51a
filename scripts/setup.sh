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
.venv/bin/python -m pip install -q -e '.[test,cluster]'
# The SARIF 2.1.0 JSON schema the report tests validate against: fetched from the npm registry
# (Microsoft's @microsoft/jest-sarif ships the OASIS schema) into .cache/, never committed.
# Without npm or the registry the schema tests skip and say so.
schema=.cache/sarif/package/lib/schemas/sarif-2.1.0-rtm.5.json
if [ ! -s "$schema" ] && command -v npm >/dev/null 2>&1; then
  mkdir -p .cache/sarif
  ( cd .cache/sarif && tgz=$(npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 2>/dev/null) \
      && tar xzf "$tgz" package/lib/schemas/sarif-2.1.0-rtm.5.json && rm -f "$tgz" ) \
    || echo "setup: note: could not fetch the SARIF schema from npm; schema tests will skip" >&2
fi
