"""The live-kernel oracle against the recorded 6.18.44 logs (../shared/semantics/live-6.18-logs).

The programs are rebuilt from Insn values; verdict, errno, error block, instruction and
processed count are the ones the recorded logs show (and, where the log directory is present,
the whole log is compared).
"""
from __future__ import annotations

import errno
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from test_kfuncs_harness import running_the_logs_build

from verifier_model import kernel
from verifier_model.isa.insn import Alu, Imm64Tail, Insn, Jmp, Load, LoadImm64, StoreImm
from verifier_model.isa.opcodes import ProgType
from verifier_model.program import FuncInfo, MapDef, Program
from verifier_model.result import Result

AVAILABLE, REASON = kernel.available()
pytestmark = [pytest.mark.kernel, pytest.mark.skipif(not AVAILABLE, reason=f"kernel oracle: {REASON}")]

LOGS = Path(__file__).resolve().parents[2] / "shared" / "semantics" / "live-6.18-logs"
EXIT = Jmp(0x95)


def mov(dst: int, imm: int) -> Alu:
    return Alu(0xB7, dst, 0, 0, imm)


def movr(dst: int, src: int) -> Alu:
    return Alu(0xBF, dst, src)


def add(dst: int, imm: int) -> Alu:
    return Alu(0x07, dst, 0, 0, imm)


def st(size: int, dst: int, off: int, imm: int) -> StoreImm:
    return StoreImm({8: 0x7A, 4: 0x62, 1: 0x72}[size], dst, 0, off, imm)


def ldx(size: int, dst: int, src: int, off: int) -> Load:
    return Load({8: 0x79, 4: 0x61, 1: 0x71}[size], dst, src, off)


def jeq(dst: int, imm: int, off: int) -> Jmp:
    return Jmp(0x15, dst, 0, off, imm)


def kfunc(name: str, btf_id: int = 0) -> Jmp:
    return Jmp(0x85, 0, 2, 0, btf_id, name)


def helper(num: int) -> Jmp:
    return Jmp(0x85, 0, 0, 0, num)


def call_local(off: int) -> Jmp:
    return Jmp(0x85, 0, 1, 0, off)


def ld_map(dst: int, name: str) -> list[Insn]:
    return [LoadImm64(0x18, dst, 1, 0, 0, name), Imm64Tail(0)]


def ld_func(dst: int, off: int) -> list[Insn]:
    return [LoadImm64(0x18, dst, 4, 0, off), Imm64Tail(0)]


# insns 0-18 of the CT programs (kernel_semantics.md section 11): tuple at fp-48, opts at fp-64
def ct_lookup(lookup: str = "bpf_xdp_ct_lookup") -> list[Insn]:
    return [
        movr(6, 1),
        *(st(8, 10, off, 0) for off in (-8, -16, -24, -32, -40, -48, -64, -56)),
        st(4, 10, -64, -1), st(1, 10, -56, 6),
        movr(1, 6), movr(2, 10), add(2, -48), mov(3, 12), movr(4, 10), add(4, -64), mov(5, 12),
        kfunc(lookup),
    ]


@dataclass
class Case:
    name: str  # the recorded log's test id
    insns: list[Insn]
    verdict: str
    errno: int = 0
    insn: int | None = None
    errors: list[str] = field(default_factory=list)
    processed: int = 0
    prog_type: ProgType = ProgType.XDP
    license: str = "GPL"
    maps: tuple[MapDef, ...] = ()
    funcs: tuple[FuncInfo, ...] = ()
    log_file: str | None = None  # compare the whole log with this recorded one

    def program(self) -> Program:
        return Program(tuple(self.insns), prog_type=self.prog_type, name=self.name, license=self.license,
                       maps=self.maps, funcs=self.funcs)


LEAK = ["Unreleased reference id=2 alloc_insn=18",
        "BPF_EXIT instruction in main prog would lead to reference leak"]
MAP = (MapDef("m", 1, 4, 8, 1),)
MAP_LOOKUP = [st(4, 10, -4, 0), *ld_map(1, "m"), movr(2, 10), add(2, -4), helper(1)]

CASES = [
    Case("A0", ct_lookup() + [jeq(0, 0, 2), movr(1, 0), kfunc("bpf_ct_release"), mov(0, 2), EXIT],
         "accept", processed=25, log_file="A0_xdp_lookup_ok.log"),
    Case("C19", ct_lookup() + [jeq(0, 0, 5), ldx(4, 1, 0, 168), jeq(1, 5, 2), movr(1, 0),
                               kfunc("bpf_ct_release"), mov(0, 2), EXIT],
         "reject", errno.EINVAL, 25, LEAK, 28, log_file="C19_leak_in_one_branch.log"),
    Case("F23", [ldx(4, 2, 1, 0), ldx(1, 0, 2, 0), EXIT], "reject", errno.EACCES, 1,
         ["invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)", "R2 offset is outside of the packet"],
         2, log_file="F23_pkt_access_no_check.log"),
    Case("F10", MAP_LOOKUP + [ldx(8, 0, 0, 0), EXIT], "reject", errno.EACCES, 6,
         ["R0 invalid mem access 'map_value_or_null'"], 6, maps=MAP),
    Case("F10c", MAP_LOOKUP + [jeq(0, 0, 1), ldx(8, 0, 0, 4), EXIT], "reject", errno.EACCES, 7,
         ["invalid access to map value, value_size=8 off=4 size=8",
          "R0 min value is outside of the allowed memory range"], 7, maps=MAP),
    Case("A6", [mov(1, 0), kfunc("", 12345678), mov(0, 2), EXIT], "reject", errno.EINVAL, None,
         ["kernel btf_id 12345678 is not a function"], 0, log_file="A6_bad_btf_id.log"),
    Case("A3", ct_lookup() + [mov(0, 2), EXIT], "reject", errno.EINVAL, None,
         ["cannot call kernel function from non-GPL compatible program"], 0, license="Proprietary",
         log_file="A3_non-GPL.log"),
    Case("A8", [mov(1, 0), mov(2, 0), kfunc("bpf_ctx_init"), mov(0, 2), EXIT], "reject", errno.EACCES, 2,
         ["calling kernel function bpf_ctx_init is not allowed"], 3,
         log_file="A8_kfunc_not_in_any_set_(bpf_ctx_init).log"),
    Case("S8", [call_local(2), mov(0, 2), EXIT] + ct_lookup()[:-1] + [kfunc("bpf_xdp_ct_lookup"), mov(0, 0), EXIT],
         "reject", errno.EINVAL, 23, ["Unreleased reference id=2 alloc_insn=21",
                                      "BPF_EXIT instruction in main prog would lead to reference leak"], 24,
         funcs=(FuncInfo(3, "gsub", "global"),), log_file="S8_global_subprog_leaks_ref.log"),
    Case("S8b", [call_local(2), mov(0, 2), EXIT] + ct_lookup()
         + [jeq(0, 0, 2), movr(1, 0), kfunc("bpf_ct_release"), mov(0, 0), EXIT],
         "accept", processed=29, funcs=(FuncInfo(3, "gsub", "global"),),
         log_file="S8b_global_subprog_acquires+releases.log"),
    Case("S11", ct_lookup() + [jeq(0, 0, 5), movr(7, 0), movr(1, 0), call_local(4), movr(1, 7),
                               kfunc("bpf_ct_release"), mov(0, 2), EXIT, Alu(0xBC, 0, 1), EXIT],
         "reject", errno.EINVAL, 22, ["R1 is not a scalar", "Caller passes invalid args into func#1 ('gint')"], 23,
         funcs=(FuncInfo(27, "gint", "global"),), log_file="S11_pass_ct_ptr_to_global_subprog(int).log"),
    Case("S6", [movr(6, 1), mov(1, 1), *ld_func(2, 6), mov(3, 0), mov(4, 0), helper(181), mov(0, 2), EXIT,
                movr(6, 2)] + ct_lookup()[1:] + [mov(0, 0), EXIT],
         "reject", errno.EINVAL, 27, ["arg#0 expected pointer to ctx, but got scalar"], 27,
         log_file="S6_bpf_loop_callback_leaks_ref.log"),
]


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.name)
def test_kernel_verdict_matches_the_recorded_log(case: Case) -> None:
    if not running_the_logs_build():
        pytest.skip("the running kernel is another 6.18.44 build than the recorded logs' (its BTF ids "
                    "differ, docs/PROFILES.md); tests/test_kfuncs_scenarios.py compares it with the model")
    r = kernel.load(case.program())
    assert (r.source, r.verdict, r.errno) == ("kernel", case.verdict, case.errno)
    assert r.errors == case.errors
    assert r.insn == case.insn
    assert r.processed == case.processed
    assert r.log.endswith("mark_read 0\n")
    assert r.extra["kernel"] and r.duration > 0
    if case.log_file and (LOGS / case.log_file).exists():
        assert r.log.rstrip("\n") == (LOGS / case.log_file).read_text().rstrip("\n")


def by_name(name: str) -> Case:
    return next(c for c in CASES if c.name == name)


def test_level1_prints_only_stats_for_accepted_programs() -> None:
    r = kernel.load(by_name("A0").program(), log_level=1)
    assert r.log.splitlines() == [
        "processed 25 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0"
    ]


def test_level2_prints_the_walk_of_accepted_programs() -> None:
    r = kernel.load(by_name("A0").program(), log_level=2)
    assert r.verdict == "accept" and r.errors == [] and r.processed == 25
    lines = r.log.splitlines()
    assert lines[0] == "func#0 @0"
    assert "19: (15) if r0 == 0x0 goto pc+2       ; R0=ptr_nf_conn(ref_obj_id=2) refs=2" in lines
    assert "from 19 to 22: safe" in lines


def test_level2_error_block_equals_level1s() -> None:
    program = by_name("C19").program()
    one, two = kernel.load(program, log_level=1), kernel.load(program, log_level=2)
    assert (two.verdict, two.errno, two.insn, two.errors, two.processed) == (
        one.verdict, one.errno, one.insn, one.errors, one.processed)
    assert len(two.log) > len(one.log)


def test_log_level_0_gives_the_verdict_without_a_log() -> None:
    r = kernel.load(by_name("C19").program(), log_level=0)
    assert (r.verdict, r.errno, r.log, r.errors) == ("reject", errno.EINVAL, "", [])


def test_a_too_small_log_buffer_is_retried_bigger() -> None:
    r = kernel.load(by_name("C19").program(), log_size=64)
    assert r.errno == errno.EINVAL and r.errors == LEAK and r.processed == 28
    assert r.log.startswith("0: R1=ctx() R10=fp0\n")


def test_unprivileged_loader_may_not_read_nf_conn() -> None:
    r = kernel.load(by_name("C19").program(), privileged=False)
    assert (r.verdict, r.errno, r.insn) == ("reject", errno.EPERM, 20)
    assert r.errors == ["'struct nf_conn' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN"]
    assert r.extra["privileged"] is False


def test_uninitialised_stack_reads_need_perfmon() -> None:
    program = Program((ldx(8, 0, 10, -8), mov(0, 0), EXIT))
    assert kernel.load(program).verdict == "accept"
    r = kernel.load(program, privileged=False)
    assert (r.verdict, r.errno, r.insn, r.errors, r.processed) == (
        "reject", errno.EACCES, 0, ["invalid read from stack R10 off=-8 size=8"], 1)


def test_tc_program_type_is_passed() -> None:
    insns = ct_lookup("bpf_skb_ct_lookup") + [jeq(0, 0, 2), movr(1, 0), kfunc("bpf_ct_release"), mov(0, 0), EXIT]
    assert kernel.load(Program(tuple(insns), prog_type=ProgType.SCHED_CLS)).verdict == "accept"
    r = kernel.load(Program(tuple(insns), prog_type=ProgType.XDP))  # A1
    a1 = (["arg#0 pointer type STRUCT __sk_buff must point to scalar, or struct with scalar"]
          if running_the_logs_build() else ["R1 must be referenced or trusted"])  # the later build
    assert r.errors == a1
    r = kernel.load(Program(tuple(insns), prog_type=ProgType.SCHED_ACT))  # A0c
    assert r.errors == ["calling kernel function bpf_skb_ct_lookup is not allowed"]


def _big_loop() -> Program:
    # r0 counts to 400000: 800003 processed insns, ~1.5 s of verification
    return Program((mov(0, 0), add(0, 1), Jmp(0xA5, 0, 0, -2, 400_000), mov(0, 0), EXIT))


def test_loads_are_time_bounded_in_process() -> None:
    r = kernel.load(_big_loop(), timeout=0.1)
    assert r.verdict == "error" and "timeout" in r.extra["reason"]


def test_loads_are_time_bounded_in_the_child() -> None:
    # off the main thread there is no SIGALRM: the load runs in a child that gets killed
    results: list[Result] = []
    worker = threading.Thread(target=lambda: results.append(kernel.load(_big_loop(), timeout=0.1)))
    worker.start()
    worker.join()
    (r,) = results
    assert r.verdict == "error" and "timeout" in r.extra["reason"]


def test_program_btf_is_accepted_by_the_kernel() -> None:
    from verifier_model.btf.func_info import build_prog_btf
    from verifier_model.kernel.syscall import btf_load

    blob, _ = build_prog_btf(by_name("S11").program())
    fd = btf_load(blob)
    assert fd > 0
    os.close(fd)


def test_unavailable_kernel_is_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    from verifier_model.kernel import loader

    monkeypatch.setattr(loader, "available", lambda: (False, "no bpf here"))
    with pytest.raises(kernel.KernelUnavailable, match="no bpf here"):
        kernel.load(by_name("A0").program())
