"""Reading and writing the recorded-expectation header of corpus files."""
from __future__ import annotations

from pathlib import Path

import pytest

from verifier_model.corpus import (
    Expectation,
    errno_name,
    read_file,
    read_header,
    write_expectation,
    write_file,
)
from verifier_model.result import Result

BODY = """\
# An XDP program that leaks.
\t.section xdp
\tr0 = 2   # kernel: not a header line, it is in the body
\texit
"""

LEAK = Expectation(
    verdict="reject",
    errno="EINVAL",
    insn=25,
    errors=("Unreleased reference id=2 alloc_insn=18",
            "BPF_EXIT instruction in main prog would lead to reference leak"),
    processed=28,
    version="6.18.44",
)

LEAK_HEADER = """\
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 25
# kernel-error: Unreleased reference id=2 alloc_insn=18
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 28
# kernel-version: 6.18.44
"""


def test_header_lines_in_the_documented_order() -> None:
    assert "\n".join(LEAK.header_lines()) + "\n" == LEAK_HEADER


def test_accepted_programs_have_no_errno_insn_or_errors() -> None:
    ok = Expectation("accept", processed=25, version="6.18.44")
    assert ok.header_lines() == ["# kernel: accept", "# kernel-processed: 25", "# kernel-version: 6.18.44"]


def test_write_then_read_round_trips() -> None:
    text = write_expectation(BODY, LEAK)
    assert text == LEAK_HEADER + BODY
    header = read_header(text)
    assert header.expectation == LEAK
    assert header.privileged and header.scenario is None


def test_header_goes_after_hand_written_lines_and_replaces_in_place() -> None:
    text = "# scenario: leak on one branch\n# profile: unprivileged\n" + BODY
    once = write_expectation(text, LEAK)
    assert once == "# scenario: leak on one branch\n# profile: unprivileged\n" + LEAK_HEADER + BODY
    header = read_header(once)
    assert header.scenario == "leak on one branch" and not header.privileged
    ok = Expectation("accept", processed=25, version="6.18.44")
    twice = write_expectation(once, ok)
    assert twice == ("# scenario: leak on one branch\n# profile: unprivileged\n# kernel: accept\n"
                     "# kernel-processed: 25\n# kernel-version: 6.18.44\n" + BODY)
    assert write_expectation(twice, ok) == twice


def test_load_time_errors_have_no_insn_line() -> None:
    e = Expectation("reject", "EINVAL", None, ("kernel btf_id 12345678 is not a function",), 0, "6.18.44")
    text = write_expectation(BODY, e)
    assert "# kernel-insn" not in text
    assert read_header(text).expectation == e


def test_error_lines_keep_their_text_verbatim() -> None:
    e = Expectation("reject", "EACCES", 3, ("R0 invalid mem access 'map_value_or_null'", "  indented: x"), 4)
    assert read_header(write_expectation(BODY, e)).expectation == e


def test_expectation_from_a_kernel_result() -> None:
    r = Result(verdict="reject", errors=list(LEAK.errors), insn=25, processed=28, errno=22, source="kernel",
               extra={"kernel": "6.18.44"})
    assert Expectation.from_result(r) == LEAK
    assert LEAK.errno_value == 22
    with pytest.raises(ValueError, match="timeout"):
        Expectation.from_result(Result(verdict="error", extra={"reason": "timeout"}))


def test_errno_names() -> None:
    assert errno_name(13) == "EACCES" and errno_name(524) == "ENOTSUPP"
    assert Expectation("reject", "ENOTSUPP").errno_value == 524  # kernel-internal, not in Python's errno


def test_write_file_reports_changes(tmp_path: Path) -> None:
    path = tmp_path / "leak.s"
    path.write_text(BODY)
    assert write_file(path, LEAK)
    assert not write_file(path, LEAK)
    assert read_file(path).expectation == LEAK
