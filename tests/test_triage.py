"""`verifier-model triage`: parallel = sequential, error rows for bad input, the per-program time
bound, CSV and compare, the Dask cluster runner (when dask is installed)."""
from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

import pytest

from verifier_model import cli
from verifier_model.commands.check import CheckOptions, check_file, iter_files
from verifier_model.commands.triage import run_cluster, run_local
from verifier_model.report.csv import read_csv
from verifier_model.result import Result

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "corpus"

try:
    import verifier_model.model.explore  # noqa: F401

    HAVE_MODEL = True
except ImportError:
    HAVE_MODEL = False
needs_model = pytest.mark.skipif(not HAVE_MODEL, reason="model core not available")

# One second per program: the three programs the model cannot finish (corpus/KNOWN_DIVERGENCES,
# 'slow') stop at it in both runs, the slowest program that finishes (~2 s) as well, and every
# other one needs < 0.2 s, so the verdicts cannot depend on scheduling.
OPTS = CheckOptions(time_limit=1.0, hard_limit=30.0)


def _stable(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows without what depends on timing: the duration, and how far a program that hit the time
    bound got (its verdict and message are compared)."""
    timing = {"duration"}
    partial = timing | {"processed_insns", "states", "peak_states"}
    return [{k: v for k, v in r.items()
             if k not in (partial if r["verdict"] == "error" and "time bound" in r["error_class"] else timing)}
            for r in rows]


@needs_model
def test_whole_corpus_with_two_jobs_matches_sequential() -> None:
    files = [str(f) for f in iter_files([str(CORPUS)])]
    assert len(files) >= 700
    t0 = time.monotonic()
    seq = run_local(files, OPTS, jobs=1)
    t_seq = time.monotonic() - t0
    t0 = time.monotonic()
    par = run_local(files, OPTS, jobs=2)
    t_par = time.monotonic() - t0
    assert len(seq) == len(files)
    assert [r["file"] for r in par] == files
    assert _stable(par) == _stable(seq)
    verdicts = {r["verdict"] for r in seq}
    assert verdicts == {"accept", "reject", "error"}  # the slow ones hit the bound
    print(f"corpus: {len(files)} programs, sequential {t_seq:.1f} s, --jobs 2 {t_par:.1f} s")


def fake_check(program: Any, **kw: Any) -> Result:
    names = {getattr(i, "sym", None) for i in program.insns}
    if "bpf_ct_release" in names:
        return Result("accept", processed=len(program.insns), states=1, peak_states=1)
    if "bpf_loop" in names:
        time.sleep(30)  # a program that stalls the model
    return Result("reject", errors=["Unreleased reference id=2 alloc_insn=1"], insn=1, processed=2, states=1)


@pytest.fixture
def fake_model(monkeypatch: pytest.MonkeyPatch) -> None:
    import verifier_model.model

    monkeypatch.setattr(verifier_model.model, "check", fake_check)


def _prog(d: Path, name: str, call: str) -> Path:
    p = d / name
    p.write_text(f"\t.section xdp\n\tcall {call}\n\tr0 = 2\n\texit\n")
    return p


def test_hard_time_bound_turns_a_stall_into_an_error_row(tmp_path: Path, fake_model: None) -> None:
    stall = _prog(tmp_path, "stall.s", "bpf_loop")
    t0 = time.monotonic()
    ((row, _),) = check_file(stall, CheckOptions(hard_limit=0.5))
    assert time.monotonic() - t0 < 5
    assert row["verdict"] == "error" and row["error"] == ["timeout: no verdict within 0.5 s"]
    assert row["program"] == "xdp"


def test_cli_bad_input_gives_an_error_row_and_the_rest_runs(tmp_path: Path, fake_model: None,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "c"
    d.mkdir()
    _prog(d, "a_ok.s", "bpf_ct_release")
    _prog(d, "b_leak.s", "bpf_xdp_ct_lookup")
    (d / "c_bad.s").write_text("\t.section xdp\n\tr0 = = 1\n\texit\n")
    _prog(d, "d_leak.s", "bpf_skb_ct_lookup")
    out_csv = tmp_path / "out.csv"
    out_jsonl = tmp_path / "out.jsonl"
    rc = cli.main(["triage", str(d), "--jobs", "1", "--csv", str(out_csv), "--jsonl", str(out_jsonl)])
    out, _ = capsys.readouterr()
    assert rc == 2
    rows = [json.loads(x) for x in out_jsonl.read_text().splitlines()]
    assert [Path(r["file"]).name for r in rows] == ["a_ok.s", "b_leak.s", "c_bad.s", "d_leak.s"]
    assert [r["verdict"] for r in rows] == ["accept", "reject", "error", "reject"]
    assert "reject        2  Unreleased reference id=N alloc_insn=N" in out
    assert "4 files, 4 programs" in out
    recs = read_csv(out_csv.read_text())
    assert [r["verdict"] for r in recs] == ["accept", "reject", "error", "reject"]
    assert out_csv.read_text().splitlines()[0].startswith("file_name,prog_name,verdict,duration,total_insns,"
                                                         "total_states,peak_states")


def test_cli_compare_reports_mismatches(tmp_path: Path, fake_model: None, capsys: pytest.CaptureFixture[str]) -> None:
    d = tmp_path / "c"
    d.mkdir()
    ok = _prog(d, "ok.s", "bpf_ct_release")
    leak = _prog(d, "leak.s", "bpf_xdp_ct_lookup")
    old = tmp_path / "old.csv"
    old.write_text("file_name,prog_name,verdict,duration,total_insns,total_states,peak_states\n"
                   f"{ok},xdp,success,10,4,1,1\n{leak},xdp,success,10,2,1,1\n")
    rc = cli.main(["triage", str(d), "--jobs", "1", "--compare", str(old)])
    out, _ = capsys.readouterr()
    assert rc == 1
    lines = out.splitlines()
    hdr = next(ln for ln in lines if ln.startswith("File"))
    assert "Verdict (A)" in hdr and "Insns (DIFF)" in hdr
    assert any(str(leak) in ln and "MISMATCH" in ln for ln in lines)
    assert any(str(ok) in ln and "MATCH" in ln and "MISMATCH" not in ln for ln in lines)
    assert "1 verdict mismatch(es) of 2 programs" in out
    # against its own CSV, no mismatch
    new = tmp_path / "new.csv"
    assert cli.main(["triage", str(d), "--jobs", "1", "--csv", str(new), "--quiet"]) == 0
    capsys.readouterr()
    assert cli.main(["triage", str(d), "--jobs", "1", "--compare", str(new)]) == 0


@needs_model
def test_cli_parallel_on_a_corpus_directory(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "r.jsonl"
    rc = cli.main(["triage", str(CORPUS / "refs"), "--jobs", "2", "--jsonl", str(out), "--time-limit", "5"])
    text, _ = capsys.readouterr()
    rows = [json.loads(x) for x in out.read_text().splitlines()]
    assert len(rows) == len(list((CORPUS / "refs").glob("*.s")))
    assert rc == 0
    assert "Unreleased reference id=N alloc_insn=N" in text


@needs_model
def test_dask_local_cluster_matches_sequential() -> None:
    pytest.importorskip("dask.distributed", reason="dask[distributed] is not installed (extra 'cluster')")
    from dask.distributed import LocalCluster

    files = [str(f) for f in iter_files([str(CORPUS / "exit"), str(CORPUS / "nf_conn")])]
    opts = CheckOptions(time_limit=5.0)
    seq = run_local(files, opts, jobs=1)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, protocol="tcp") as cluster:
        got = run_cluster(files, opts, cluster.scheduler_address)
    assert _stable(got) == _stable(seq)


class _Tty:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, s: str) -> None:
        self.text += s

    def flush(self) -> None:
        pass


def test_progress_bar_only_on_a_tty() -> None:
    from verifier_model.commands.triage import Progress

    tty = _Tty()
    p = Progress(4, tty)  # type: ignore[arg-type]
    p.step()
    p.step()
    assert "\r[" + "#" * 15 + "." * 15 + "] 2/4 files" in tty.text
    p.close()
    assert tty.text.endswith("\r")
    import io

    quiet = io.StringIO()
    q = Progress(4, quiet)
    q.step()
    q.close()
    assert quiet.getvalue() == ""
