"""The model's log against the live kernel's, line for line, at levels 1 and 2.

Map addresses in ld_imm64 lines are the kernel's own pointers: they are normalised on both
sides. Runs where bpf() is permitted; skips with the reason elsewhere.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from verifier_model.corpus import read_file
from verifier_model.frontend import load
from verifier_model.model import check

ROOT = Path(__file__).resolve().parent.parent
FILES = sorted((ROOT / "corpus").rglob("*.s"))
_ADDR = re.compile(r"(\(18\) r\d+ = )0x[0-9a-f]+( *;|$)", re.MULTILINE)


def _norm(log: str) -> list[str]:
    """Lines of the log, map addresses normalised. 6.18's stack-liveness debug lines
    (`(0) frame 0 insn 8 +live -16 `, `(0) live stack update done in 2 iterations`) are compared too."""
    return _ADDR.sub(r"\1ADDR ;", log).rstrip("\n").split("\n")


@pytest.fixture(scope="module")
def kernel():  # type: ignore[no-untyped-def]
    from verifier_model.kernel import loader

    ok, reason = loader.available()
    if not ok:
        pytest.skip(reason)
    return loader


@pytest.mark.parametrize("level,minimum", [(1, 0.995), (2, 0.995)])
def test_logs_match_the_kernel(kernel, level: int, minimum: float) -> None:  # type: ignore[no-untyped-def]
    same = total = 0
    first_bad: list[str] = []
    for f in FILES:
        header = read_file(f)
        if header.expectation is None:
            continue
        prog = load(str(f))[0]
        m = check(prog, privileged=header.privileged, log_level=level, time_limit=5)
        if m.verdict == "error":
            continue
        if level == 1 and m.verdict == "accept":
            continue  # an accepted program's level-1 log is the stats line only
        k = kernel.load(prog, log_level=level, privileged=header.privileged)
        total += 1
        if _norm(m.log) == _norm(k.log):
            same += 1
        elif len(first_bad) < 5:
            first_bad.append(str(f.relative_to(ROOT)))
    assert total > 300
    assert same / total >= minimum, f"{same}/{total}; e.g. {first_bad}"
