"""The kfunc table (data) and the pieces of check_kfunc_call on hand-built states: prototypes from
BTF and from the table, flags, the (mem, size) naming rules, nocast aliases, offsets of arguments,
R0 typing and id order, load-time checks."""
from __future__ import annotations

from dataclasses import replace

import pytest
from test_kfuncs_harness import asm, lookup

from verifier_model.btf import Kind, kernel_btf
from verifier_model.errors import VerifierError
from verifier_model.isa.insn import Jmp
from verifier_model.isa.opcodes import ProgType
from verifier_model.model import kfuncs
from verifier_model.model.env import Env
from verifier_model.model.kfunc_table import (
    CT_KFUNCS,
    KF,
    KFUNCS_6_18,
    KFUNCS_PATCH_V4,
    STRUCT_SIZES,
    XDP_TC,
    find_row,
    parse_proto,
)
from verifier_model.model.profiles import get_profile
from verifier_model.model.regs import NOT_INIT, BtfRef, Reg, RegFlag, RegType, pointer
from verifier_model.model.scalar import Scalar
from verifier_model.model.state import Frame, RefState, State
from verifier_model.program import Program

BTF = kernel_btf()


def env(profile: str = "6.18", prog_type: int = ProgType.XDP, privileged: bool = True) -> Env:
    return Env(prog=Program((), prog_type=ProgType(prog_type)), profile=get_profile(profile, privileged))


def ct(name: str = "nf_conn", **kw: object) -> Reg:
    t = BTF.find(name, Kind.STRUCT)
    assert t is not None
    kw.setdefault("scalar", Scalar.const(0))
    return Reg(type=RegType.PTR_TO_BTF_ID, btf=BtfRef(t.id, t.name, t.size), **kw)  # type: ignore[arg-type]


def state(*regs: tuple[int, Reg], refs: tuple[int, ...] = ()) -> State:
    r = [NOT_INIT] * 11
    r[10] = pointer(RegType.PTR_TO_STACK)
    for n, reg in regs:
        r[n] = reg
    return State(frames=(Frame(regs=tuple(r)),), refs=tuple(RefState(i, 18) for i in refs))


def call(name: str) -> Jmp:
    t = BTF.find(name, Kind.FUNC)
    assert t is not None
    return Jmp(0x85, 0, 2, 0, t.id, sym=name)


# --- the table -------------------------------------------------------------------------------


def test_all_eleven_ct_kfuncs_with_their_6_18_flags() -> None:
    flags = {r.name: r.flags for r in KFUNCS_6_18 if r.name in CT_KFUNCS}
    acq = KF.ACQUIRE | KF.RET_NULL
    assert flags == {
        "bpf_xdp_ct_alloc": acq, "bpf_xdp_ct_lookup": acq, "bpf_skb_ct_alloc": acq, "bpf_skb_ct_lookup": acq,
        "bpf_ct_insert_entry": acq | KF.RELEASE, "bpf_ct_release": KF.RELEASE,
        "bpf_ct_set_timeout": KF.TRUSTED_ARGS, "bpf_ct_change_timeout": KF.TRUSTED_ARGS,
        "bpf_ct_set_status": KF.TRUSTED_ARGS, "bpf_ct_change_status": KF.TRUSTED_ARGS,
        "bpf_ct_set_nat_info": KF.TRUSTED_ARGS,
    }
    assert all(r.prog_types == XDP_TC for r in KFUNCS_6_18 if r.name in CT_KFUNCS)


def test_patch_v4_has_three_kfuncs_in_per_hook_sets() -> None:
    sets = {r.name: set(r.prog_types) for r in KFUNCS_PATCH_V4}
    assert sets == {"bpf_xdp_ct_lookup": {ProgType.XDP}, "bpf_skb_ct_lookup": {ProgType.SCHED_CLS},
                    "bpf_ct_release": {ProgType.XDP, ProgType.SCHED_CLS}}
    assert STRUCT_SIZES["patch-v4"]["bpf_ct_opts"] == 12 and STRUCT_SIZES["6.18"]["bpf_ct_opts"] == 16


@pytest.mark.parametrize("name", CT_KFUNCS)
def test_table_prototypes_agree_with_the_kernel_btf(name: str) -> None:
    row = find_row(name)
    assert row is not None
    func = BTF.find(name, Kind.FUNC)
    assert func is not None
    from_btf = kfuncs.proto_from_btf(BTF, func)
    from_row = kfuncs.proto_from_row(BTF, row, func.id)
    assert [p.name for p in from_row.params] == [p.name for p in from_btf.params]
    assert [p.t.kind for p in from_row.params] == [p.t.kind for p in from_btf.params]
    assert [p.ref and p.ref.id for p in from_row.params] == [p.ref and p.ref.id for p in from_btf.params]
    assert (from_row.ret.kind, from_row.ret_ref and from_row.ret_ref.id) == (
        from_btf.ret.kind, from_btf.ret_ref and from_btf.ret_ref.id)


def test_parse_proto() -> None:
    p = parse_proto("int bpf_ct_set_status(const struct nf_conn___init *nfct, u32 status)")
    assert (p.ret, p.name, [(x.type, x.name) for x in p.params]) == (
        "int", "bpf_ct_set_status", [("const struct nf_conn___init *", "nfct"), ("u32", "status")])


# --- argument naming rules -------------------------------------------------------------------


def _param(name: str) -> kfuncs.KParam:
    from verifier_model.model.btf_access import skip_modifiers

    u32 = BTF.find("u32", Kind.TYPEDEF)
    assert u32 is not None
    return kfuncs.KParam(name, skip_modifiers(BTF, u32.id))


@pytest.mark.parametrize("name,rule,is_size", [
    ("tuple__sz", "suffix:__sz", True), ("opts__sz", "suffix:__sz", True), ("__sz", "suffix:__sz", False),
    ("len__tuple", "suffix:__sz", False), ("len__tuple", "prefix:len__", True), ("tuple__sz", "prefix:len__", False),
])
def test_mem_size_pair_naming(name: str, rule: str, is_size: bool) -> None:
    e = env()
    e.profile = replace(e.profile, kfunc_mem_size_rule=rule)
    scalar = Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(12))
    assert kfuncs.is_kfunc_arg_mem_size(e, _param(name), scalar) is is_size
    assert kfuncs.is_kfunc_arg_mem_size(e, _param(name), pointer(RegType.PTR_TO_STACK)) is False


def test_nocast_alias_is_the___init_suffix() -> None:
    a, b = BTF.find("nf_conn", Kind.STRUCT), BTF.find("nf_conn___init", Kind.STRUCT)
    assert a is not None and b is not None
    assert kfuncs.btf_type_ids_nocast_alias(BTF, a.id, b.id)
    assert kfuncs.btf_type_ids_nocast_alias(BTF, b.id, a.id)
    assert not kfuncs.btf_type_ids_nocast_alias(BTF, a.id, a.id)


# --- offsets ---------------------------------------------------------------------------------


@pytest.mark.parametrize("reg,release,line", [
    (ct(off=8, ref_obj_id=2), True, "R1 must have zero offset when passed to release func or trusted arg to kfunc"),
    (ct(off=-4), False, "negative offset ptr_ ptr R1 off=-4 disallowed"),
    (pointer(RegType.PTR_TO_CTX, off=4), False, "dereference of modified ctx ptr R1 off=4 disallowed"),
    (ct(scalar=Scalar.unknown()), False,
     "variable ptr_ access var_off=(0x0; 0xffffffffffffffff) disallowed"),
])
def test_check_func_arg_reg_off(reg: Reg, release: bool, line: str) -> None:
    with pytest.raises(VerifierError) as ei:
        kfuncs.check_func_arg_reg_off(5, reg, 1, release)
    assert ei.value.lines == [line]


def test_btf_pointers_may_carry_a_fixed_offset_when_not_released() -> None:
    kfuncs.check_func_arg_reg_off(5, ct(off=8), 1, False)


# --- check_kfunc_call on hand-built states ---------------------------------------------------


def test_release_drops_the_reference_and_clobbers_r0_to_r5() -> None:
    e = env()
    st = state((1, ct(ref_obj_id=2)), (7, ct(ref_obj_id=2)), refs=(2,))
    out = kfuncs.check_kfunc_call(e, st, call("bpf_ct_release"), 21)
    assert out.refs == ()
    assert [out.reg(i).type for i in range(6)] == [RegType.NOT_INIT] * 6
    assert out.reg(7).type == RegType.SCALAR_VALUE  # the copy is invalidated (privileged: a scalar)


def test_insert_entry_releases_then_acquires_with_ret_null_id_first() -> None:
    e = env()
    e.id_gen = 2
    st = state((1, ct("nf_conn___init", ref_obj_id=2)), refs=(2,))
    out = kfuncs.check_kfunc_call(e, st, call("bpf_ct_insert_entry"), 21)
    r0 = out.reg(0)
    assert (r0.type, r0.flags, r0.btf and r0.btf.name) == (RegType.PTR_TO_BTF_ID, RegFlag.PTR_MAYBE_NULL, "nf_conn")
    assert (r0.id, r0.ref_obj_id, [r.id for r in out.refs], out.refs[0].insn_idx) == (4, 4, [4], 21)


def test_scalar_returning_kfunc_gives_a_32_bit_unknown() -> None:
    e = env()
    st = state((1, ct(ref_obj_id=2)), (2, Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.const(5))), refs=(2,))
    out = kfuncs.check_kfunc_call(e, st, call("bpf_ct_change_timeout"), 30)
    assert out.reg(0).type == RegType.SCALAR_VALUE and out.reg(0).subreg_def == 31
    assert out.refs == st.refs


def test_void_kfunc_leaves_r0_not_init() -> None:
    st = state((1, ct(ref_obj_id=2)), refs=(2,))
    assert kfuncs.check_kfunc_call(env(), st, call("bpf_ct_release"), 21).reg(0).type == RegType.NOT_INIT


def test_more_than_one_referenced_argument_to_a_release_kfunc() -> None:
    # no CT release kfunc takes two pointers: start the check with a reference already seen
    e = env()
    st = state((1, ct(ref_obj_id=2)), refs=(2, 4))
    meta = kfuncs.KfuncMeta("bpf_ct_release", 1, KF.RELEASE)
    meta.ref_obj_id = 4
    with pytest.raises(VerifierError) as ei:
        kfuncs.check_kfunc_args(e, st, 9, meta, kfuncs.kfunc_proto(e, "bpf_ct_release", call("bpf_ct_release").imm))
    assert ei.value.lines == ["verifier internal error: more than one arg with ref_obj_id R1 2 4"]


def test_unknown_kfunc_in_the_btf_is_not_allowed_and_table_gaps_are_unsupported() -> None:
    from verifier_model.model.memory import ModelUnsupported

    st = state()
    with pytest.raises(VerifierError) as ei:
        kfuncs.check_kfunc_call(env(), st, call("bpf_ctx_init"), 2)
    assert ei.value.lines == ["calling kernel function bpf_ctx_init is not allowed"]
    with pytest.raises(ModelUnsupported):
        kfuncs.check_kfunc_call(env(), st, call("bpf_cpumask_create"), 2)


def test_kfunc_written_by_name_with_imm_zero_resolves_through_btf() -> None:
    insn = replace(call("bpf_ct_release"), imm=0)
    assert kfuncs.kfunc_id(env(), insn) == call("bpf_ct_release").imm


# --- load time -------------------------------------------------------------------------------


def _load(p: Program, profile: str = "6.18", privileged: bool = True) -> list[str] | None:
    e = Env(prog=p, profile=get_profile(profile, privileged))
    try:
        kfuncs.check_kfunc_load(e)
    except VerifierError as err:
        assert err.insn is None
        return err.lines
    return None


def test_load_time_checks_pass_for_a_good_program() -> None:
    assert _load(asm(lookup() + "    r0 = 2\n    exit\n")) is None


def test_non_gpl_is_rejected_before_the_btf_id_check() -> None:
    p = asm(lookup() + "    r0 = 2\n    exit\n", license="MIT")
    insns = list(p.insns)
    insns[18] = replace(insns[18], imm=12345678, sym=None)
    assert _load(replace(p, insns=tuple(insns))) == ["cannot call kernel function from non-GPL compatible program"]


def test_calls_need_cap_bpf() -> None:
    p = asm(lookup() + "    r0 = 2\n    exit\n")
    e = Env(prog=p, profile=replace(get_profile(), bpf_capable=False))
    with pytest.raises(VerifierError) as ei:
        kfuncs.check_kfunc_load(e)
    assert ei.value.lines == ["loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN"]


def test_kfunc_offset_without_fd_array() -> None:
    p = asm(lookup() + "    r0 = 2\n    exit\n")
    insns = list(p.insns)
    insns[18] = replace(insns[18], off=1)
    assert _load(replace(p, insns=tuple(insns))) == ["kfunc offset > 0 without fd_array is invalid"]


def test_imm_zero_is_left_for_after_the_walk() -> None:
    p = asm("    r0 = 2\n    exit\n")
    p = replace(p, insns=(Jmp(0x85, 0, 2, 0, 0),) + p.insns)
    assert _load(p) is None
