"""btf_struct_walk / btf_struct_access / btf_struct_ids_match / __btf_type_is_scalar_struct and
check_ptr_to_btf_access on hand-built registers (kernel/bpf/btf.c, verifier.c 6.18). Offsets and
messages are those of the live logs D1-D13, E8, P6, P10."""
from __future__ import annotations

import pytest

from verifier_model.btf import BtfType, Kind, kernel_btf
from verifier_model.errors import VerifierError
from verifier_model.isa.opcodes import ProgType
from verifier_model.model import btf_access as ba
from verifier_model.model.env import Env
from verifier_model.model.profiles import get_profile
from verifier_model.model.regs import NOT_INIT, BtfRef, Reg, RegFlag, RegType, pointer
from verifier_model.model.scalar import Scalar, Tnum
from verifier_model.model.state import Frame, State
from verifier_model.program import Program

BTF = kernel_btf()


def _struct(name: str) -> BtfType:
    t = BTF.find(name, Kind.STRUCT)
    assert t is not None
    return t


NF_CONN = _struct("nf_conn")
NF_CONN_INIT = _struct("nf_conn___init")


def ct_reg(name: str = "nf_conn", **kw: object) -> Reg:
    t = BTF.find(name, Kind.STRUCT)
    assert t is not None
    kw.setdefault("ref_obj_id", 2)
    kw.setdefault("scalar", Scalar.const(0))
    return Reg(type=RegType.PTR_TO_BTF_ID, btf=BtfRef(t.id, t.name, t.size), **kw)  # type: ignore[arg-type]


def env(privileged: bool = True, profile: str = "6.18", prog_type: int = ProgType.XDP, license: str = "GPL") -> Env:
    return Env(prog=Program((), prog_type=ProgType(prog_type), license=license),
               profile=get_profile(profile, privileged))


def state_with(reg: Reg, regno: int = 7) -> State:
    regs = [NOT_INIT] * 11
    regs[regno] = reg
    regs[10] = pointer(RegType.PTR_TO_STACK)
    return State(frames=(Frame(regs=tuple(regs)),))


def access(reg: Reg, off: int, size: int, t: str = "read", **kw: object) -> State | list[str]:
    st = state_with(reg)
    try:
        return ba.check_ptr_to_btf_access(env(**kw), st, 21, 7, off + reg.off, size, t, 2)  # type: ignore[arg-type]
    except VerifierError as e:
        return e.lines


# --- reads -----------------------------------------------------------------------------------


@pytest.mark.parametrize("off,size", [(128, 8), (168, 4), (8, 4), (128, 2), (135, 1), (172, 4), (12, 2), (32, 4)])
def test_scalar_member_reads_give_an_unknown_scalar(off: int, size: int) -> None:
    st = access(ct_reg(), off, size)
    assert isinstance(st, State)
    assert st.reg(2).type == RegType.SCALAR_VALUE and not st.reg(2).scalar.is_const()


@pytest.mark.parametrize("off,size,line", [
    (168, 8, "access beyond the end of member mark (mend:172) in struct nf_conn with off 168 size 8"),  # D3
    (4, 8, "access beyond struct spinlock at off 0 size 8"),  # D3c
    (160, 4, "cannot access ptr member master with moff 160 in struct nf_conn with off 160 size 4"),  # D3d
    (156, 8, "access beyond struct hlist_node at off 12 size 8"),  # D3e
    (248, 4, "access beyond struct nf_conn at off 248 size 4"),  # D4
    (244, 8, "access beyond struct nf_conn at off 244 size 8"),  # D4b
    (16, 4, "cannot access ptr member next with moff 0 in struct hlist_nulls_node with off 0 size 4"),
])
def test_bad_reads_print_the_walk_message(off: int, size: int, line: str) -> None:
    assert access(ct_reg(), off, size) == [line]


def test_anonymous_types_print_as_anon() -> None:
    assert access(ct_reg(), 137, 1) == ["cannot access ptr member net with moff 0 in struct (anon) with off 1 size 1"]


def test_negative_offset_is_checked_before_variable_offset() -> None:  # D5; the kernel's order, live-checked
    reg = ct_reg(scalar=Scalar(Tnum(0, 7), 0, 7, 0, 7, 0, 7, 0, 7))
    assert access(reg, -8, 4) == ["R7 is ptr_nf_conn invalid negative access: off=-8"]


def test_variable_offset() -> None:  # D6
    reg = ct_reg(scalar=Scalar(Tnum(0, 7), 0, 7, 0, 7, 0, 7, 0, 7))
    assert access(reg, 0, 4) == ["R7 is ptr_nf_conn invalid variable offset: off=0, var_off=(0x0; 0x7)"]


def test_fixed_offset_of_the_register_adds_to_the_access() -> None:  # D13
    st = access(ct_reg(off=168), 0, 4)
    assert isinstance(st, State)


@pytest.mark.parametrize("off,member,name", [(160, "master", "nf_conn"), (176, "ext", "nf_ct_ext"),
                                             (136, "net", "net")])
def test_pointer_member_reads_give_a_plain_unreferenced_btf_pointer(off: int, member: str, name: str) -> None:
    st = access(ct_reg(), off, 8, profile="6.18-orig")  # D7, D7b, D7c
    assert isinstance(st, State)
    r = st.reg(2)
    assert (r.type, r.flags, r.btf and r.btf.name, r.ref_obj_id, r.id) == (RegType.PTR_TO_BTF_ID, RegFlag.NONE,
                                                                           name, 0, 0)


@pytest.mark.parametrize("off,name", [(160, "nf_conn"), (176, "nf_ct_ext"), (136, "net")])
def test_pointer_member_reads_are_untrusted_in_the_trusted_by_default_build(off: int, name: str) -> None:
    st = access(ct_reg(), off, 8)  # profile 6.18: the build with KF_TRUSTED_ARGS by default
    assert isinstance(st, State)
    r = st.reg(2)
    assert (r.type, r.flags, r.btf and r.btf.name, r.ref_obj_id) == (RegType.PTR_TO_BTF_ID, RegFlag.PTR_UNTRUSTED,
                                                                     name, 0)


def test_store_through_an_untrusted_nf_conn_is_read_only() -> None:
    reg = ct_reg(ref_obj_id=0, flags=RegFlag.PTR_UNTRUSTED)
    assert access(reg, 168, 4, "write") == ["only read is supported"]
    assert isinstance(access(reg, 168, 4, "write", profile="6.18-orig"), State)


def test_pointer_read_from_an_untrusted_pointer_stays_untrusted() -> None:
    st = access(ct_reg(ref_obj_id=0, flags=RegFlag.PTR_UNTRUSTED), 160, 8)
    assert isinstance(st, State) and st.reg(2).flags == RegFlag.PTR_UNTRUSTED


def test_reads_through_nf_conn_init_use_the_same_layout() -> None:  # E8
    assert isinstance(access(ct_reg("nf_conn___init"), 8, 4), State)
    assert access(ct_reg("nf_conn___init"), 248, 4) == ["access beyond struct nf_conn___init at off 248 size 4"]


# --- writes ----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["nf_conn", "nf_conn___init"])
@pytest.mark.parametrize("off,size,lines", [
    (168, 4, None), (168, 2, None), (168, 1, None),  # D8, D10b
    (168, 8, ["write access at off 168 with size 8 beyond the member of nf_conn ended at 172"]),  # D10
    (128, 8, ["no write support to nf_conn at off 128"]),  # D9, E8c
    (172, 4, ["no write support to nf_conn at off 172"]),  # D10c
    (171, 1, ["no write support to nf_conn at off 171"]),
])
def test_only_mark_is_writable(name: str, off: int, size: int, lines: list[str] | None) -> None:
    out = access(ct_reg(name), off, size, "write")
    assert (out if lines is not None else isinstance(out, State)) == (lines if lines is not None else True)


def test_writes_to_other_structs_are_read_only() -> None:
    assert access(ct_reg("nf_ct_ext", ref_obj_id=0), 0, 1, "write") == ["only read is supported"]


def test_programs_without_the_hook_may_not_write() -> None:
    assert access(ct_reg(), 168, 4, "write", prog_type=ProgType.SOCKET_FILTER) == ["only read is supported"]


# --- privilege and license -------------------------------------------------------------------


@pytest.mark.parametrize("t", ["read", "write"])
def test_loads_and_stores_need_cap_perfmon(t: str) -> None:  # P6, P10
    with pytest.raises(VerifierError) as ei:
        ba.check_ptr_to_btf_access(env(privileged=False), state_with(ct_reg()), 21, 7, 168, 4, t, 2)
    assert ei.value.lines == ["'struct nf_conn' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN"]
    assert ei.value.errno == 1  # EPERM


def test_non_gpl_programs_may_not_read_kernel_structs() -> None:
    assert access(ct_reg(), 168, 4, license="Dual BSD") == [("Cannot access kernel 'struct nf_conn' from non-GPL "
                                                            "compatible program")]


# --- walk helpers ----------------------------------------------------------------------------


def test_struct_ids_match_walks_first_members_but_not_scalars() -> None:
    log: list[str] = []
    nf_conntrack = BTF.find("nf_conntrack", Kind.STRUCT)
    assert nf_conntrack is not None
    assert ba.btf_struct_ids_match(BTF, NF_CONN.id, 0, nf_conntrack.id, False, log)
    assert ba.btf_struct_ids_match(BTF, NF_CONN_INIT.id, 0, NF_CONN.id, False, log)
    assert not ba.btf_struct_ids_match(BTF, NF_CONN_INIT.id, 0, NF_CONN.id, True, log)  # strict
    assert not ba.btf_struct_ids_match(BTF, NF_CONN.id, 8, NF_CONN.id, False, log)  # C14f: timeout is a u32
    assert log == []


def test_struct_ids_match_logs_what_the_walk_prints() -> None:
    log: list[str] = []
    assert not ba.btf_struct_ids_match(BTF, NF_CONN.id, 300, NF_CONN.id, False, log)
    assert log == ["access beyond struct nf_conn at off 300 size 1"]


@pytest.mark.parametrize("name,ok,log", [
    ("nf_conn", False, ["max struct nesting depth exceeded"]),
    ("nf_conn___init", False, ["max struct nesting depth exceeded"]),
    ("__sk_buff", False, []),  # a pointer member inside a union
    ("xdp_md", True, []),
    ("bpf_ct_opts", True, []),
    ("bpf_sock_tuple", True, []),
])
def test_scalar_struct_rule(name: str, ok: bool, log: list[str]) -> None:
    t = BTF.find(name, Kind.STRUCT)
    assert t is not None
    got: list[str] = []
    assert ba.btf_type_is_scalar_struct(BTF, t, 0, got) is ok
    assert got == log


def test_resolve_size_of_arrays_and_modifiers() -> None:
    th = NF_CONN.member("tuplehash")
    assert th is not None
    r = ba.resolve_size(BTF, BTF[th.type])
    assert r is not None and (r.size, r.nelems, r.elem_type.name) == (112, 2, "nf_conntrack_tuple_hash")
