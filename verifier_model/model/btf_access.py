"""Loads and stores through PTR_TO_BTF_ID: check_ptr_to_btf_access (kernel/bpf/verifier.c) and the
BTF walks it relies on, btf_struct_walk / btf_struct_access / btf_struct_ids_match
(kernel/bpf/btf.c), plus the conntrack write hook (_nf_conntrack_btf_struct_access,
net/netfilter/nf_conntrack_bpf.c).

Everything is read from BTF (the layout of struct nf_conn is config dependent): the kernel's
messages come out of the walk at whatever offset and size the program uses. The walk helpers take
a `log` list and append the lines the kernel would print with bpf_log(), because some callers
(btf_struct_ids_match inside a kfunc argument check) print them and then go on to fail with
their own message.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from ..btf import Btf, BtfType, Kind
from ..errors import VerifierError
from ..isa.opcodes import ProgType
from .regs import BtfRef, Reg, RegFlag, RegType
from .scalar import Scalar
from .state import State

if TYPE_CHECKING:
    from .env import Env

EPERM = 1
EFAULT = 14
EACCES = 13
EINVAL = 22

# --- messages (kernel wording; to be merged into model/messages.py) --------------------------
BTF_ACCESS_NEEDS_PERFMON = "'struct {tname}' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN"
BTF_ACCESS_NON_GPL = "Cannot access kernel 'struct {tname}' from non-GPL compatible program"
BTF_NEGATIVE_ACCESS = "R{regno} is ptr_{tname} invalid negative access: off={off}"
BTF_VARIABLE_OFFSET = "R{regno} is ptr_{tname} invalid variable offset: off={off}, var_off={var_off}"
ONLY_READ_SUPPORTED = "only read is supported"
NOT_A_STRUCT = "Type '{tname}' is not a struct"
ACCESS_BEYOND_STRUCT = "access beyond struct {tname} at off {off} size {size}"
FIELD_HAS_NO_SIZE = "field {mname} doesn't have size"
PTR_MEMBER_ACCESS = "cannot access ptr member {mname} with moff {moff} in struct {tname} with off {off} size {size}"
ACCESS_BEYOND_MEMBER = "access beyond the end of member {mname} (mend:{mend}) in struct {tname} with off {off} size {size}"
NO_FIELD_AT_OFFSET = "struct {tname} doesn't have field at offset {off}"
MAX_NESTING = "max struct nesting depth exceeded"
NF_CONN_NO_WRITE = "no write support to nf_conn at off {off}"
NF_CONN_WRITE_BEYOND = "write access at off {off} with size {size} beyond the member of nf_conn ended at {end}"

# enum bpf_struct_walk_result
WALK_SCALAR, WALK_PTR, WALK_STRUCT = 0, 1, 2

U32 = (1 << 32) - 1
MAX_RESOLVE_DEPTH = 32

# type-tag flags a pointer member can carry (only MEM_RCU exists in RegFlag; the others make a
# pointer the model does not follow)
_MEM_USER = 1 << 30
_MEM_PERCPU = 1 << 31

# program types whose verifier ops have a btf_struct_access hook that forwards nf_conn writes
# (tc_cls_act_btf_struct_access / xdp_btf_struct_access in net/core/filter.c)
_NF_CONN_WRITE_HOOK = frozenset({int(ProgType.XDP), int(ProgType.SCHED_CLS), int(ProgType.SCHED_ACT)})

_GPL_LICENSES = {"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"}


def target_btf(env: Env) -> Btf:
    """The BTF the model checks against: env.btf if the explorer set one, else kernel_btf()."""
    if isinstance(env.btf, Btf):
        return env.btf
    from ..btf import kernel_btf

    btf = kernel_btf()
    env.btf = btf
    return btf


# --- small BTF helpers with the kernel's semantics -------------------------------------------


def skip_modifiers(btf: Btf, tid: int) -> BtfType:
    """btf_type_skip_modifiers(): the type after TYPEDEF/CONST/VOLATILE/RESTRICT/TYPE_TAG; its
    .id is the kernel's `res_id`."""
    t = btf[tid]
    while t.is_modifier:
        t = btf[t.type]
    return t


def is_struct(t: BtfType) -> bool:
    """btf_type_is_struct(): STRUCT or UNION."""
    return t.kind in (Kind.STRUCT, Kind.UNION)


def is_scalar(t: BtfType) -> bool:
    """btf_type_is_scalar(): INT or any enum."""
    return t.kind in (Kind.INT, Kind.ENUM, Kind.ENUM64)


def anon_name(name: str) -> str:
    """__btf_name_by_offset(): what btf.c's own messages print for an unnamed type or member."""
    return name or "(anon)"


def type_str(t: BtfType) -> str:
    """btf_type_str()."""
    return t.kind_str


@dataclass(frozen=True, slots=True)
class Resolved:
    """What __btf_resolve_size() reports: the (array or resolved) type, total size, element type
    and id, element count, and the id after the last modifier (None: no modifier seen)."""

    type: BtfType
    size: int
    elem_type: BtfType
    elem_id: int
    nelems: int
    type_id: int | None


def resolve_size(btf: Btf, t: BtfType) -> Resolved | None:
    """__btf_resolve_size(); None where the kernel returns an error (types without size)."""
    array_type: BtfType | None = None
    array_elem: int | None = None
    nelems = 1
    mod_id = 0
    for _ in range(MAX_RESOLVE_DEPTH):
        k = t.kind
        if k in (Kind.INT, Kind.STRUCT, Kind.UNION, Kind.ENUM, Kind.FLOAT, Kind.ENUM64):
            size = t.size
            break
        if k == Kind.PTR:
            size = 8
            break
        if t.is_modifier:
            mod_id = t.type
            t = btf[t.type]
            continue
        if k == Kind.ARRAY and t.array is not None:
            if array_type is None:
                array_type = t
            if nelems and t.array.nelems > U32 // nelems:
                return None
            nelems *= t.array.nelems
            array_elem = t.array.type
            t = btf[t.array.type]
            continue
        return None
    else:
        return None
    if nelems and size > U32 // nelems:
        return None
    return Resolved(array_type or t, nelems * size, t, array_elem if array_elem is not None else 0, nelems,
                    mod_id or None)


def btf_resolve_size(btf: Btf, t: BtfType) -> int | None:
    r = resolve_size(btf, t)
    return None if r is None else r.size


# --- btf_struct_walk / btf_struct_access -----------------------------------------------------


@dataclass(frozen=True, slots=True)
class Walk:
    """Result of one btf_struct_walk: `res` is WALK_* or a negative errno."""

    res: int
    next_id: int = 0
    flag: int = 0
    field_name: str | None = None


def btf_struct_walk(btf: Btf, t: BtfType, off: int, size: int, flag: int, log: list[str]) -> Walk:
    """btf_struct_walk(): find what [off, off+size) of struct `t` is (a scalar, a pointer member,
    or the start of a nested struct), logging the kernel's line on failure."""
    while True:  # 'again:'
        if t.is_modifier:
            t = skip_modifiers(btf, t.type)
        tname = anon_name(t.name)
        if not is_struct(t):
            log.append(NOT_A_STRUCT.format(tname=tname))
            return Walk(-EINVAL, flag=flag)
        vlen = len(t.members)
        if t.kind == Kind.UNION and vlen != 1 and not flag & RegFlag.PTR_UNTRUSTED:
            # walking unions yields untrusted pointers (except single-member unions)
            flag |= RegFlag.PTR_UNTRUSTED
        if off + size > t.size:
            # relaxed only for a trailing flexible array of ints or structs
            again = False
            if vlen:
                last = t.members[-1]
                mtype = skip_modifiers(btf, last.type)
                if mtype.kind == Kind.ARRAY and mtype.array is not None and mtype.array.nelems == 0:
                    moff = last.bit_offset // 8
                    if off >= moff:
                        et = skip_modifiers(btf, mtype.array.type)
                        if et.is_int:
                            return Walk(WALK_SCALAR, flag=flag)
                        if is_struct(et) and et.size:
                            off = (off - moff) % et.size
                            t = et
                            again = True
            if again:
                continue
            log.append(ACCESS_BEYOND_STRUCT.format(tname=tname, off=off & U32, size=size & U32))
            return Walk(-EACCES, flag=flag)

        descend = False
        for member in t.members:
            moff = member.bit_offset // 8
            if off + size <= moff:
                break  # won't find anything, the field is already too far
            if member.bitfield_size:
                end_bit = member.bit_offset + member.bitfield_size
                if off <= moff and (end_bit + 7) // 8 <= off + size:
                    return Walk(WALK_SCALAR, flag=flag)
                continue  # partial access to a bitfield: not this member
            if off < moff:
                break  # a hole in the struct
            mid = member.type
            mname = anon_name(member.name)
            r = resolve_size(btf, btf[member.type])
            if r is None:
                log.append(FIELD_HAS_NO_SIZE.format(mname=mname))
                return Walk(-EFAULT, flag=flag)
            mtype, msize = r.type, r.size
            if r.type_id is not None:
                mid = r.type_id
            mtrue_end = moff + msize
            if off >= mtrue_end:
                continue  # no overlap with this member
            if mtype.kind == Kind.ARRAY:
                if moff == mtrue_end:
                    continue  # empty array
                msize //= r.nelems
                elem_idx = (off - moff) // msize
                moff += elem_idx * msize
                mtype = r.elem_type
                mid = r.elem_id
            if is_struct(mtype):
                if off == moff:
                    return Walk(WALK_STRUCT, next_id=mid, flag=flag)
                t = mtype  # our field is inside that struct or union: walk it
                off -= moff
                descend = True
                break
            if mtype.kind == Kind.PTR:
                if msize != size or off != moff:
                    log.append(PTR_MEMBER_ACCESS.format(mname=mname, moff=moff, tname=tname, off=off, size=size))
                    return Walk(-EACCES, flag=flag)
                tmp_flag = 0
                tag = btf[mtype.type]
                if tag.kind == Kind.TYPE_TAG and not tag.kflag:
                    tmp_flag = {"user": _MEM_USER, "percpu": _MEM_PERCPU, "rcu": int(RegFlag.MEM_RCU)}.get(tag.name, 0)
                stype = skip_modifiers(btf, mtype.type)
                if is_struct(stype):
                    return Walk(WALK_PTR, next_id=stype.id, flag=flag | tmp_flag, field_name=mname)
            # scalars (and pointers to non-structs): anywhere inside the member's true end
            if off + size > mtrue_end and not flag & RegFlag.PTR_UNTRUSTED:
                log.append(ACCESS_BEYOND_MEMBER.format(mname=mname, mend=mtrue_end, tname=tname, off=off,
                                                       size=size))
                return Walk(-EACCES, flag=flag)
            return Walk(WALK_SCALAR, flag=flag)
        if descend:
            continue
        log.append(NO_FIELD_AT_OFFSET.format(tname=tname, off=off))
        return Walk(-EINVAL, flag=flag)


def btf_struct_access(btf: Btf, type_id: int, off: int, size: int, log: list[str]) -> Walk:
    """btf_struct_access() for kernel (non-allocated) objects: keep walking nested structs until a
    scalar or a pointer member is found. res is SCALAR_VALUE/PTR_TO_BTF_ID-like WALK_* or -errno."""
    t = btf[type_id]
    flag = 0
    while True:
        w = btf_struct_walk(btf, t, off, size, flag, log)
        flag = w.flag
        if w.res in (WALK_PTR, WALK_SCALAR) or w.res < 0:
            return w
        t = btf[w.next_id]
        off = 0


def btf_struct_ids_match(btf: Btf, tid: int, off: int, need_id: int, strict: bool, log: list[str]) -> bool:
    """btf_struct_ids_match(): does a pointer to `tid` at fixed offset `off` point to a `need_id`
    object (possibly the first member of a nested struct at that offset)?"""
    if off == 0 and tid == need_id:
        return True
    if strict:
        return False
    while True:
        if tid not in btf:
            return False
        w = btf_struct_walk(btf, btf[tid], off, 1, 0, log)
        if w.res != WALK_STRUCT:
            return False
        tid = w.next_id
        if tid == need_id:
            return True
        off = 0


def btf_type_is_scalar_struct(btf: Btf, t: BtfType, rec: int, log: list[str]) -> bool:
    """__btf_type_is_scalar_struct(): a struct/union of scalars and non-empty scalar arrays,
    nested at most 4 deep ("max struct nesting depth exceeded" when deeper)."""
    if not is_struct(t):
        return False
    for member in t.members:
        mt = skip_modifiers(btf, member.type)
        if is_struct(mt):
            if rec >= 3:
                log.append(MAX_NESTING)
                return False
            if not btf_type_is_scalar_struct(btf, mt, rec + 1, log):
                return False
            continue
        if mt.kind == Kind.ARRAY and mt.array is not None:
            if not mt.array.nelems:
                return False
            if not is_scalar(skip_modifiers(btf, mt.array.type)):
                return False
            continue
        if not is_scalar(mt):
            return False
    return True


# --- the conntrack write hook ----------------------------------------------------------------


def nf_conntrack_btf_struct_access(btf: Btf, reg: Reg, off: int, size: int) -> str | None:
    """_nf_conntrack_btf_struct_access(): writes to nf_conn / nf_conn___init are allowed to
    `mark` only (the two types share a layout). The error line, or None if allowed."""
    name = reg.btf.name if reg.btf is not None else ""
    if name not in ("nf_conn", "nf_conn___init"):
        return ONLY_READ_SUPPORTED
    nct = btf.find("nf_conn", Kind.STRUCT)
    mark = nct.member("mark") if nct is not None else None  # CONFIG_NF_CONNTRACK_MARK
    if mark is None or off != mark.offset:
        return NF_CONN_NO_WRITE.format(off=off)
    end = mark.offset + (btf_resolve_size(btf, btf[mark.type]) or 0)
    if off + size > end:
        return NF_CONN_WRITE_BEYOND.format(off=off, size=size, end=end)
    return None


# --- trust of loaded pointers ----------------------------------------------------------------

_TRUSTED_MODIFIERS = RegFlag.MEM_ALLOC | RegFlag.PTR_TRUSTED  # | NON_OWN_REF (not modelled)


def is_trusted_reg(reg: Reg) -> bool:
    """is_trusted_reg(): referenced, or a socket/map type, or only trusted modifiers."""
    if reg.ref_obj_id:
        return True
    unsafe = bool(reg.flags & ~_TRUSTED_MODIFIERS)
    if reg.type in REG2BTF_NAMES and not unsafe:
        return True
    return bool(reg.flags & _TRUSTED_MODIFIERS) and not unsafe


def is_rcu_reg(reg: Reg) -> bool:
    return bool(reg.flags & RegFlag.MEM_RCU)


# reg2btf_ids[]: register types that stand for a kernel struct
REG2BTF_NAMES: dict[RegType, str] = {
    RegType.PTR_TO_SOCKET: "sock",
    RegType.PTR_TO_SOCK_COMMON: "sock_common",
    RegType.PTR_TO_TCP_SOCK: "tcp_sock",
    RegType.CONST_PTR_TO_MAP: "bpf_map",
}


def _nested_type_is_trusted(btf: Btf, reg: Reg, field_name: str | None, btf_id: int, suffix: str) -> bool:
    """btf_nested_type_is_trusted(): the field is listed in a `<type><suffix>` BTF struct."""
    if reg.btf is None or field_name is None:
        return False
    walk_type = btf.get(reg.btf.type_id)
    if walk_type is None:
        return False
    safe = btf.find(walk_type.name + suffix, walk_type.kind)
    if safe is None:
        return False
    for m in safe.members:
        mt = btf[m.type]
        if mt.kind != Kind.PTR:
            continue
        if skip_modifiers(btf, mt.type).id == btf_id and m.name == field_name:
            return True
    return False


def _loaded_ptr_flags(env: Env, btf: Btf, reg: Reg, w: Walk) -> RegFlag:
    """The trust flags of a pointer loaded from a PTR_TO_BTF_ID (the tail of check_ptr_to_btf_access)."""
    flag = w.flag
    if reg.flags & RegFlag.PTR_UNTRUSTED:
        return RegFlag.PTR_UNTRUSTED
    if is_trusted_reg(reg) or is_rcu_reg(reg):
        if _nested_type_is_trusted(btf, reg, w.field_name, w.next_id, "__safe_trusted"):
            flag |= RegFlag.PTR_TRUSTED
        elif _nested_type_is_trusted(btf, reg, w.field_name, w.next_id, "__safe_trusted_or_null"):
            flag |= RegFlag.PTR_TRUSTED | RegFlag.PTR_MAYBE_NULL
        elif not reg.maybe_null:  # in an RCU critical section: XDP/TC programs are not sleepable
            rcu = _nested_type_is_trusted(btf, reg, w.field_name, w.next_id, "__safe_rcu")
            rcu_or_null = _nested_type_is_trusted(btf, reg, w.field_name, w.next_id, "__safe_rcu_or_null")
            if rcu:
                flag |= RegFlag.MEM_RCU
            elif flag & RegFlag.MEM_RCU or rcu_or_null:
                flag |= RegFlag.MEM_RCU | RegFlag.PTR_MAYBE_NULL
                if rcu_or_null and flag & RegFlag.PTR_UNTRUSTED:
                    flag &= ~RegFlag.PTR_UNTRUSTED
            elif flag & (_MEM_PERCPU | _MEM_USER):
                pass
            else:
                flag = _walked_unknown(env, flag)
        else:
            flag = RegFlag.PTR_UNTRUSTED
    else:
        flag = _walked_unknown(env, flag)  # "Old compat"
    return RegFlag(flag)


def _walked_unknown(env: Env, flag: RegFlag) -> RegFlag:
    """A pointer walked to without a trust annotation: the plain deprecated PTR_TO_BTF_ID
    (clear_trusted_flags), or, in the trusted-by-default build, PTR_UNTRUSTED."""
    flag &= ~(_TRUSTED_MODIFIERS | RegFlag.MEM_RCU)
    if getattr(env.profile, "walked_ptr_untrusted", False):
        flag |= RegFlag.PTR_UNTRUSTED
    return RegFlag(flag)


# --- check_ptr_to_btf_access -----------------------------------------------------------------


def _err(insn_idx: int, lines: list[str], errno: int) -> VerifierError:
    return VerifierError(insn_idx, lines, errno)


def check_ptr_to_btf_access(env: Env, state: State, insn_idx: int, regno: int, off: int, size: int,
                            t: str, value_regno: int) -> State:
    """check_ptr_to_btf_access: a load (t 'read') or store (t 'write') of `size` bytes at `off`
    (instruction offset plus the register's fixed offset) through the PTR_TO_BTF_ID in `regno`.
    A read puts the loaded value (unknown scalar, or PTR_TO_BTF_ID of a pointer member's pointee)
    into `value_regno` (-1: discard)."""
    from .memory import ModelUnsupported, tnum_strn

    profile = env.profile
    btf = target_btf(env)
    reg = state.reg(regno)
    if reg.btf is None:
        raise ModelUnsupported("PTR_TO_BTF_ID without a BTF type")
    tname = reg.btf.name
    write = t == "write"

    if getattr(profile, "btf_access_needs_perfmon", True) and not profile.allow_ptr_leaks:
        raise _err(insn_idx, [BTF_ACCESS_NEEDS_PERFMON.format(tname=tname)], EPERM)
    if getattr(profile, "btf_access_needs_perfmon", True) and env.prog.license not in _GPL_LICENSES:
        # (the GPL rule came with the same 6.2 change)
        raise _err(insn_idx, [BTF_ACCESS_NON_GPL.format(tname=tname)], EINVAL)
    if off < 0:
        raise _err(insn_idx, [BTF_NEGATIVE_ACCESS.format(regno=regno, tname=tname, off=off)], EACCES)
    var = reg.scalar.var_off
    if not var.is_const() or var.value:
        raise _err(insn_idx, [BTF_VARIABLE_OFFSET.format(regno=regno, tname=tname, off=off, var_off=tnum_strn(var))],
                   EACCES)

    log: list[str] = []
    if write:
        hook = getattr(profile, "nf_conn_write_hook", True) and int(env.prog.prog_type) in _NF_CONN_WRITE_HOOK
        if not hook or (reg.flags & RegFlag.PTR_UNTRUSTED and getattr(profile, "walked_ptr_untrusted", False)):
            raise _err(insn_idx, [ONLY_READ_SUPPORTED], EACCES)
        line = nf_conntrack_btf_struct_access(btf, reg, off, size)
        if line is not None:
            raise _err(insn_idx, [line], EACCES)
        return state  # the stored value is not tracked

    w = btf_struct_access(btf, reg.btf.type_id, off, size, log)
    if w.res < 0:
        raise _err(insn_idx, log, -w.res)
    if value_regno < 0:
        return state
    if w.res == WALK_SCALAR:
        return state.with_reg(value_regno, Reg(type=RegType.SCALAR_VALUE, scalar=Scalar.unknown()))
    if w.flag & (_MEM_USER | _MEM_PERCPU):
        raise ModelUnsupported("__user / __percpu pointer member")
    flag = _loaded_ptr_flags(env, btf, reg, w)
    pointee = btf[w.next_id]
    loaded = Reg(type=RegType.PTR_TO_BTF_ID, flags=flag, scalar=Scalar.const(0),
                 btf=BtfRef(pointee.id, pointee.name, pointee.size))
    if flag & RegFlag.PTR_MAYBE_NULL:
        loaded = replace(loaded, id=env.new_id())
    loaded = _with_provenance(env, reg, loaded)
    return state.with_reg(value_regno, loaded)


def _with_provenance(env: Env, parent: Reg, loaded: Reg) -> Reg:
    """Seed v4 only (patch 06, never merged): a pointer loaded from a referenced object remembers
    the root reference in `parent_ref_obj_id`, so releasing the root invalidates it too."""
    if not getattr(env.profile, "kfunc_provenance", False):
        return loaded
    root = parent.ref_obj_id or getattr(parent, "parent_ref_obj_id", 0)
    if root and "parent_ref_obj_id" in getattr(type(loaded), "__dataclass_fields__", {}):
        return replace(loaded, parent_ref_obj_id=root)  # type: ignore[call-arg]
    return loaded
