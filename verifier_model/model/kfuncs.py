"""Kfunc calls: add_kfunc_call's load-time checks, check_kfunc_call and check_kfunc_args
(kernel/bpf/verifier.c, 6.18), and the patch-era argument matcher btf_check_func_arg_match
(kernel/bpf/btf.c of the seed series) for the `patch-v4` profile.

The order of events at a call is the kernel's:
  1. the kfunc must be in a set registered for the program type ("... is not allowed");
  2. the arguments, left to right, each with its rules in the kernel's order (check_kfunc_args);
  3. KF_RELEASE drops the reference held by the released argument (and every copy of it);
  4. R0-R5 become NOT_INIT;
  5. R0 is typed from the BTF return type: a RET_NULL pointer takes a new id first, then
     KF_ACQUIRE takes the reference id (6.18: R0.id = ref id only when RET_NULL).
What a kfunc is (flags, program types, prototype) is data: model/kfunc_table.py.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING

from ..btf import Btf, BtfType, Kind
from ..errors import VerifierError
from ..isa.insn import Insn, Jmp, LoadImm64
from ..isa.opcodes import PSEUDO_FUNC, ProgType
from . import btf_access as ba
from .kfunc_table import KF, KfuncRow, find_row, parse_proto
from .regs import NOT_INIT, BtfRef, Reg, RegFlag, RegType
from .scalar import Scalar
from .state import State

if TYPE_CHECKING:
    from .env import Env

EPERM = 1
EACCES = 13
EFAULT = 14
EINVAL = 22
MAX_BPF_FUNC_REG_ARGS = 5

# --- messages (kernel wording; to be merged into model/messages.py) --------------------------
# load time (add_subprog_and_kfunc / add_kfunc_call)
CALLS_NEED_CAP_BPF = "loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN"
KFUNC_NON_GPL = "cannot call kernel function from non-GPL compatible program"
KFUNC_OFFSET_NO_FD_ARRAY = "kfunc offset > 0 without fd_array is invalid"
KFUNC_NOT_A_FUNCTION = "kernel btf_id {id} is not a function"
KFUNC_BAD_PROTO = "kernel function btf_id {id} does not have a valid func_proto"
# walk time (check_kfunc_call)
KFUNC_NOT_ALLOWED = "calling kernel function {name} is not allowed"
KFUNC_TOO_MANY_ARGS = "Function {name} has {n} > {max} args"
KFUNC_REF_NOT_ACQUIRED = "kfunc {name}#{id} reference has not been acquired before"
KFUNC_ACQUIRE_NOT_PTR = "acquire kernel function does not return PTR_TO_BTF_ID"
KFUNC_RET_PTR_UNSUPPORTED = "kernel function {name} returns pointer type {kind} {tname} is not supported"
# arguments (check_kfunc_args / get_kfunc_ptr_arg_type / process_kf_arg_ptr_to_btf_id)
ARG_NOT_SCALAR = "R{regno} is not a scalar"
ARG_MUST_BE_CONST = "R{regno} must be a known constant"
ARG_UNRECOGNIZED = "Unrecognized arg#{i} type {kind}"
ARG_POSSIBLY_NULL = "Possibly NULL pointer passed to trusted arg{i}"
ARG_MORE_THAN_ONE_REF = "verifier internal error: more than one arg with ref_obj_id R{regno} {id} {id2}"
ARG_PTR_TYPE_UNSUPPORTED = "kernel function {name} args#{i} pointer type {kind} {tname} is not supported"
ARG_MUST_POINT_TO_SCALAR = "arg#{i} pointer type {kind} {tname} must point to {void}scalar, or struct with scalar"
ARG_NOT_REFERENCED_OR_TRUSTED = "R{regno} must be referenced or trusted"
ARG_NOT_RCU = "R{regno} must be a rcu pointer"
ARG_RELEASE_ZERO_OFFSET = "R{regno} must have zero offset when passed to release func or trusted arg to kfunc"
ARG_NEGATIVE_OFFSET = "negative offset {type} ptr R{regno} off={off} disallowed"
ARG_MODIFIED_PTR = "dereference of modified {type} ptr R{regno} off={off} disallowed"
ARG_VARIABLE_OFFSET = "variable {type} access var_off={var_off} disallowed"
ARG_EXPECTED_CTX = "arg#{i} expected pointer to ctx, but got {type}"
ARG_EXPECTED_BTF_OR_SOCKET = "arg#{i} is {type} expected {expected} or socket"
ARG_STRUCT_MISMATCH = ("kernel function {name} args#{i} expected pointer to {kind} {tname} "
                       "but R{regno} has a pointer to {reg_kind} {reg_tname}")
ARG_SIZE_UNKNOWN = "arg#{i} reference type('{kind} {tname}') size cannot be determined: {err}"
ARG_MEM_LEN_PAIR = "arg#{i} arg#{j} memory, len pair leads to invalid memory access"
ARG_RELEASE_NOT_REFCOUNTED = "release kernel function {name} expects refcounted PTR_TO_BTF_ID"
# patch era (btf_check_func_arg_match, Dec 2021)
ARG_REG_TYPE_UNSUPPORTED = "reg type unsupported for arg#{i} kernel function {name}#{id}"
CTX_MODIFIED = "dereference of modified ctx ptr R{regno} off={off} disallowed"
CTX_VARIABLE = "variable ctx access var_off={var_off} disallowed"

_GPL_LICENSES = {"GPL", "GPL v2", "GPL and additional rights", "Dual BSD/GPL", "Dual MIT/GPL", "Dual MPL/GPL"}

# the context struct each program type's ctx argument is named after (bpf_types.h)
_CTX_TYPE_NAMES: dict[int, str] = {
    int(ProgType.XDP): "xdp_md",
    int(ProgType.SCHED_CLS): "__sk_buff",
    int(ProgType.SCHED_ACT): "__sk_buff",
    int(ProgType.SOCKET_FILTER): "__sk_buff",
    int(ProgType.CGROUP_SKB): "__sk_buff",
}
# btf_is_projection_of(): the uapi ctx type and the kernel type it stands for
_PROJECTIONS = {("__sk_buff", "sk_buff"), ("xdp_md", "xdp_buff")}

# parameter-name suffixes that select special argument kinds this model does not implement
_UNMODELLED_SUFFIXES = ("__alloc", "__refcounted_kptr", "__str", "__map", "__irq_flag", "__uninit")
_UNMODELLED_STRUCTS = ("bpf_dynptr", "bpf_list_head", "bpf_list_node", "bpf_rb_root", "bpf_rb_node", "bpf_wq")


# --- prototypes ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class KParam:
    """One kfunc parameter as check_kfunc_args sees it: `t` is the parameter type with modifiers
    skipped; for pointers `ref` is the pointee with modifiers skipped (void is Btf[0])."""

    name: str
    t: BtfType
    ref: BtfType | None = None

    @property
    def is_scalar(self) -> bool:
        return ba.is_scalar(self.t)

    @property
    def is_ptr(self) -> bool:
        return self.t.kind == Kind.PTR

    def has_suffix(self, suffix: str) -> bool:  # btf_param_match_suffix
        return len(self.name) > len(suffix) and self.name.endswith(suffix)


@dataclass(frozen=True, slots=True)
class KProto:
    name: str
    func_id: int
    params: tuple[KParam, ...]
    ret: BtfType  # return type with modifiers skipped (void: Btf[0])
    ret_ref: BtfType | None = None  # pointee of a pointer return, modifiers skipped


_SCALAR_SIZES = {"u8": 1, "s8": 1, "char": 1, "u16": 2, "s16": 2, "__be16": 2, "u32": 4, "s32": 4, "int": 4,
                 "unsigned int": 4, "__be32": 4, "u64": 8, "s64": 8, "long": 8, "unsigned long": 8}


def _synthetic(kind: Kind, name: str = "", size: int = 0, ref: int = 0) -> BtfType:
    """A BTF type for a prototype written in C (ids < 0: they never match a real id)."""
    return BtfType(-1, kind, name=name, size=size, type=ref)


def _c_type(btf: Btf, text: str) -> tuple[BtfType, BtfType | None]:
    """(type with modifiers skipped, pointee) for a C type written in a kfunc_table row."""
    from .memory import ModelUnsupported

    words = [w for w in text.replace("*", " * ").split() if w not in ("const", "volatile")]
    if words and words[-1] == "*":
        base = words[:-1]
        if base == ["void"]:
            return _synthetic(Kind.PTR), btf[0]
        if len(base) == 2 and base[0] in ("struct", "union"):
            t = btf.find(base[1], Kind.STRUCT if base[0] == "struct" else Kind.UNION)
            if t is None:
                raise ModelUnsupported(f"the BTF has no {base[0]} {base[1]}")
            return _synthetic(Kind.PTR, ref=t.id), t
        raise ModelUnsupported(f"kfunc parameter type {text!r}")
    if words == ["void"]:
        return btf[0], None
    if len(words) == 2 and words[0] == "enum":
        t = btf.find(words[1], Kind.ENUM) or btf.find(words[1], Kind.ENUM64)
        return (t if t is not None else _synthetic(Kind.ENUM, words[1], 4)), None
    name = " ".join(words)
    if name in _SCALAR_SIZES:
        return _synthetic(Kind.INT, name, _SCALAR_SIZES[name]), None
    raise ModelUnsupported(f"kfunc parameter type {text!r}")


def proto_from_btf(btf: Btf, func: BtfType) -> KProto:
    fp = btf.func_proto(func.id)
    params = []
    for p in fp.params:
        t = ba.skip_modifiers(btf, p.type)
        ref = ba.skip_modifiers(btf, t.type) if t.kind == Kind.PTR else None
        params.append(KParam(p.name, t, ref))
    ret = ba.skip_modifiers(btf, fp.type)
    ret_ref = ba.skip_modifiers(btf, ret.type) if ret.kind == Kind.PTR else None
    return KProto(func.name, func.id, tuple(params), ret, ret_ref)


def proto_from_row(btf: Btf, row: KfuncRow, func_id: int) -> KProto:
    cp = parse_proto(row.proto)
    params = []
    for p in cp.params:
        t, ref = _c_type(btf, p.type)
        params.append(KParam(p.name, t, ref))
    ret, ret_ref = _c_type(btf, cp.ret)
    return KProto(cp.name, func_id, tuple(params), ret, ret_ref)


@lru_cache(maxsize=256)
def _proto_cached(btf_key: int, table: str, name: str, func_id: int, use_btf: bool) -> KProto:
    btf = _BTFS[btf_key]
    func = btf.get(func_id) if func_id > 0 else None
    if use_btf and func is not None and func.kind == Kind.FUNC and func.name == name:
        return proto_from_btf(btf, func)
    row = find_row(name, table)
    if row is None:
        assert func is not None
        return proto_from_btf(btf, func)
    return proto_from_row(btf, row, func_id)


_BTFS: dict[int, Btf] = {}


def kfunc_proto(env: Env, name: str, func_id: int) -> KProto:
    """The prototype check_kfunc_args uses: the BTF FUNC_PROTO when the profile's kernel is the
    BTF's kernel and it has the FUNC, else the table row's C prototype."""
    btf = ba.target_btf(env)
    _BTFS[id(btf)] = btf
    table = getattr(env.profile, "kfunc_table", "6.18")
    use_btf = getattr(env.profile, "kfunc_proto_from_btf", True)
    return _proto_cached(id(btf), table, name, func_id, use_btf)


# --- identifying the kfunc of a call ---------------------------------------------------------


def kfunc_id(env: Env, insn: Insn) -> int:
    """The BTF id a kfunc call names. A call that carries its name (`sym`: assembly, an ELF
    relocation, a log's `call bpf_xdp_ct_lookup#66135`) means the FUNC of that name in the
    target BTF, as libbpf and the kernel oracle's loader resolve it: ids differ between kernel
    builds, so an imm recorded against another build is not trusted. Otherwise the imm."""
    if insn.sym:
        t = ba.target_btf(env).find(insn.sym, Kind.FUNC)
        if t is not None:
            return t.id
    return insn.imm


def _func_name(env: Env, insn: Insn, func_id: int) -> str:
    t = ba.target_btf(env).get(func_id) if func_id > 0 else None
    if t is not None and t.kind == Kind.FUNC:
        return t.name
    return insn.sym or f"btf_id_{func_id}"


def _row(env: Env, name: str) -> KfuncRow | None:
    return find_row(name, getattr(env.profile, "kfunc_table", "6.18"))


# --- load time -------------------------------------------------------------------------------


def check_kfunc_load(env: Env) -> None:
    """add_subprog_and_kfunc / add_kfunc_call: the checks made on every call instruction before
    the walk (the log then shows only these lines and 'processed 0 insns'). Raises VerifierError
    with insn None."""
    btf = ba.target_btf(env)
    table_started = False
    for _, insn in env.prog.instructions():
        is_kfunc = isinstance(insn, Jmp) and insn.is_kfunc_call
        is_pseudo = (isinstance(insn, Jmp) and insn.is_pseudo_call) or (
            isinstance(insn, LoadImm64) and insn.src == PSEUDO_FUNC)
        if not (is_kfunc or is_pseudo):
            continue
        if not env.profile.bpf_capable:
            raise VerifierError(None, [CALLS_NEED_CAP_BPF], EPERM)
        if not is_kfunc:
            continue
        func_id = kfunc_id(env, insn)
        if not func_id and not insn.off:
            continue  # checked (and rejected if reachable) after the walk
        if not table_started:
            if env.prog.license not in _GPL_LICENSES:
                raise VerifierError(None, [KFUNC_NON_GPL], EINVAL)
            table_started = True
        if insn.off:
            raise VerifierError(None, [KFUNC_OFFSET_NO_FD_ARRAY], EINVAL)
        func = btf.get(func_id) if func_id > 0 else None
        exists = func is not None and func.kind == Kind.FUNC
        if exists and not getattr(env.profile, "kfunc_proto_from_btf", True):
            # a kernel of another era: only the kfuncs of its table exist there
            assert func is not None
            exists = _row(env, func.name) is not None
        if not exists:
            raise VerifierError(None, [KFUNC_NOT_A_FUNCTION.format(id=func_id & 0xFFFFFFFF)], EINVAL)
        assert func is not None
        if btf.get(func.type) is None or btf[func.type].kind != Kind.FUNC_PROTO:
            raise VerifierError(None, [KFUNC_BAD_PROTO.format(id=func_id)], EINVAL)


# --- pointer offsets (check_func_arg_reg_off / __check_ptr_off_reg) --------------------------


def _type_str(reg: Reg) -> str:
    from .memory import reg_type_str

    return reg_type_str(reg.type, reg.flags)


def _check_ptr_off_reg(insn_idx: int, reg: Reg, regno: int, fixed_off_ok: bool) -> None:
    """__check_ptr_off_reg: negative fixed offset, then a modified pointer, then a variable offset."""
    from .memory import tnum_strn

    if reg.off < 0:
        raise VerifierError(insn_idx, [ARG_NEGATIVE_OFFSET.format(type=_type_str(reg), regno=regno, off=reg.off)],
                            EACCES)
    if not fixed_off_ok and reg.off:
        raise VerifierError(insn_idx, [ARG_MODIFIED_PTR.format(type=_type_str(reg), regno=regno, off=reg.off)],
                            EACCES)
    var = reg.scalar.var_off
    if not var.is_const() or var.value:
        raise VerifierError(insn_idx, [ARG_VARIABLE_OFFSET.format(type=_type_str(reg), var_off=tnum_strn(var))],
                            EACCES)


_OFF_OK_TYPES = {RegType.PTR_TO_STACK, RegType.PTR_TO_PACKET, RegType.PTR_TO_PACKET_META, RegType.PTR_TO_MAP_KEY,
                 RegType.PTR_TO_MAP_VALUE, RegType.PTR_TO_MEM, RegType.PTR_TO_BUF, RegType.PTR_TO_ARENA,
                 RegType.SCALAR_VALUE}
_BTF_FIXED_OFF_FLAGS = {RegFlag.NONE, RegFlag.MEM_ALLOC, RegFlag.PTR_TRUSTED, RegFlag.MEM_RCU}


def check_func_arg_reg_off(insn_idx: int, reg: Reg, regno: int, release: bool) -> None:
    """check_func_arg_reg_off: which pointers may carry a fixed or variable offset into a call."""
    if release:
        if reg.off:
            raise VerifierError(insn_idx, [ARG_RELEASE_ZERO_OFFSET.format(regno=regno)], EINVAL)
        _check_ptr_off_reg(insn_idx, reg, regno, False)
        return
    if reg.type in _OFF_OK_TYPES and (not reg.flags or (reg.type in (RegType.PTR_TO_MEM, RegType.PTR_TO_BUF)
                                                        and reg.flags == RegFlag.MEM_RDONLY)):
        return
    if reg.type == RegType.PTR_TO_BTF_ID and reg.flags in _BTF_FIXED_OFF_FLAGS:
        _check_ptr_off_reg(insn_idx, reg, regno, True)
        return
    _check_ptr_off_reg(insn_idx, reg, regno, False)


# --- argument classification -----------------------------------------------------------------


@dataclass
class KfuncMeta:
    """struct bpf_kfunc_call_arg_meta (the fields used here)."""

    name: str
    func_id: int
    flags: KF
    ref_obj_id: int = 0
    release_regno: int = 0

    @property
    def release(self) -> bool:
        return bool(self.flags & KF.RELEASE)

    @property
    def trusted_args(self) -> bool:  # is_kfunc_trusted_args: release kfuncs are trusted too
        return bool(self.flags & (KF.TRUSTED_ARGS | KF.RELEASE))

    @property
    def rcu(self) -> bool:
        return bool(self.flags & KF.RCU)


def register_is_null(reg: Reg) -> bool:
    return reg.type == RegType.SCALAR_VALUE and reg.scalar.var_off.is_const() and reg.scalar.var_off.value == 0


def is_prog_ctx_type(env: Env, p: KParam, *, projections: bool = True) -> bool:
    """btf_is_prog_ctx_type(): the pointee is the program type's context struct (by name), or
    (6.18, not the seed era's btf_get_prog_ctx_type) the kernel struct it projects (sk_buff for
    __sk_buff, xdp_buff for xdp_md)."""
    if p.ref is None or not ba.is_struct(p.ref) or not p.ref.name:
        return False
    ctx = _CTX_TYPE_NAMES.get(int(env.prog.prog_type))
    if ctx is None:
        return False
    return p.ref.name == ctx or (projections and (ctx, p.ref.name) in _PROJECTIONS)


def _mem_size_rule(env: Env) -> tuple[str, str]:
    rule = getattr(env.profile, "kfunc_mem_size_rule", "suffix:__sz")
    how, _, text = rule.partition(":")
    return how, text


def is_kfunc_arg_mem_size(env: Env, p: KParam, reg: Reg) -> bool:
    """is_kfunc_arg_mem_size: the next parameter is a scalar named like a size (6.18: suffix
    `__sz`; the seed series: prefix `len__`) and its register holds a scalar right now."""
    if not p.is_scalar or reg.type != RegType.SCALAR_VALUE:
        return False
    how, text = _mem_size_rule(env)
    if how == "prefix":
        return p.name.startswith(text) and len(p.name) > len(text)
    return p.has_suffix(text)


def is_kfunc_arg_const_mem_size(env: Env, p: KParam, reg: Reg) -> bool:
    return p.is_scalar and reg.type == RegType.SCALAR_VALUE and p.has_suffix("__szk")


# kfunc_ptr_arg_type values
KF_ARG_PTR_TO_CTX, KF_ARG_PTR_TO_NULL, KF_ARG_PTR_TO_BTF_ID, KF_ARG_PTR_TO_MEM, KF_ARG_PTR_TO_MEM_SIZE = range(5)


def get_kfunc_ptr_arg_type(env: Env, state: State, meta: KfuncMeta, params: tuple[KParam, ...], argno: int,
                           log: list[str]) -> int:
    """get_kfunc_ptr_arg_type: classify pointer argument `argno` from its BTF type (and, for
    the BTF-object case, the register type)."""
    from .memory import ModelUnsupported

    p = params[argno]
    regno = argno + 1
    reg = state.reg(regno)
    btf = ba.target_btf(env)
    assert p.ref is not None
    if is_prog_ctx_type(env, p):
        return KF_ARG_PTR_TO_CTX
    if p.has_suffix("__nullable") and register_is_null(reg):
        return KF_ARG_PTR_TO_NULL
    if any(p.has_suffix(s) for s in _UNMODELLED_SUFFIXES) or (
            ba.is_struct(p.ref) and p.ref.name in _UNMODELLED_STRUCTS):
        raise ModelUnsupported(f"kfunc {meta.name} argument {p.name} (special argument kind)")
    if reg.type == RegType.PTR_TO_BTF_ID or reg.type in ba.REG2BTF_NAMES:
        if not ba.is_struct(p.ref):
            raise VerifierError(None, log + [ARG_PTR_TYPE_UNSUPPORTED.format(
                name=meta.name, i=argno, kind=ba.type_str(p.ref), tname=p.ref.name)], EINVAL)
        return KF_ARG_PTR_TO_BTF_ID
    if p.ref.kind == Kind.FUNC_PROTO:
        raise ModelUnsupported(f"kfunc {meta.name} callback argument")
    arg_mem_size = argno + 1 < len(params) and (
        is_kfunc_arg_mem_size(env, params[argno + 1], state.reg(regno + 1))
        or is_kfunc_arg_const_mem_size(env, params[argno + 1], state.reg(regno + 1)))
    struct_log: list[str] = []  # what the scalar-struct test logs ("max struct nesting depth exceeded")
    scalar_struct = ba.btf_type_is_scalar_struct(btf, p.ref, 0, struct_log)
    if getattr(env.profile, "kfunc_trusted_default", False) and not arg_mem_size and p.ref.kind == Kind.STRUCT and (
            p.ref.name in _CTX_TYPE_NAMES.values() or scalar_struct):
        # the trusted-by-default build (measured: the source is not public): a struct (not a union) of scalars,
        # or another program type's context, passed without a size is taken as a kernel object,
        # so the trust check rejects stack, ctx and scalar registers ("R2 must be referenced or
        # trusted"); other structs still fail the scalar-struct test below
        return KF_ARG_PTR_TO_BTF_ID
    if not ba.is_scalar(p.ref) and not scalar_struct and (
            not arg_mem_size or p.ref.kind != Kind.UNKN):
        raise VerifierError(None, log + struct_log + [ARG_MUST_POINT_TO_SCALAR.format(
            i=argno, kind=ba.type_str(p.ref), tname=p.ref.name, void="void, " if arg_mem_size else "")], EINVAL)
    return KF_ARG_PTR_TO_MEM_SIZE if arg_mem_size else KF_ARG_PTR_TO_MEM


def _reg_btf_ref(env: Env, reg: Reg) -> BtfRef | None:
    if reg.type == RegType.PTR_TO_BTF_ID:
        return reg.btf
    name = ba.REG2BTF_NAMES.get(reg.type)
    if name is None:
        return None
    t = ba.target_btf(env).find(name, Kind.STRUCT)
    return BtfRef(t.id, t.name, t.size) if t is not None else None


def btf_type_ids_nocast_alias(btf: Btf, reg_id: int, arg_id: int) -> bool:
    """btf_type_ids_nocast_alias(): one type name is the other's plus '___init' (nf_conn___init)."""
    reg_t, arg_t = btf.get(reg_id), btf.get(arg_id)
    if reg_t is None or arg_t is None:
        return False
    a, b = reg_t.name, arg_t.name
    suffix = "___init"
    if len(a) == len(b) or abs(len(a) - len(b)) != len(suffix):
        return False
    longer, shorter = (a, b) if len(a) > len(b) else (b, a)
    return longer.endswith(suffix) and longer[: len(shorter)] == shorter and suffix not in longer[:-len(suffix)]


def process_kf_arg_ptr_to_btf_id(env: Env, reg: Reg, regno: int, p: KParam, meta: KfuncMeta, argno: int,
                                 log: list[str], *, strict_rules: bool = True) -> None:
    """process_kf_arg_ptr_to_btf_id: the object the register points to (at its fixed offset,
    walking first members) must be the parameter's struct. Release of a referenced pointer and
    nocast aliases (nf_conn vs nf_conn___init) need an exact match."""
    btf = ba.target_btf(env)
    ref = _reg_btf_ref(env, reg)
    assert ref is not None and p.ref is not None
    strict = strict_rules and ((meta.release and bool(reg.ref_obj_id))
                               or btf_type_ids_nocast_alias(btf, ref.type_id, p.ref.id))
    reg_t = ba.skip_modifiers(btf, ref.type_id)
    same = ba.btf_struct_ids_match(btf, reg_t.id, reg.off, p.ref.id, strict, log)
    projection = (p.ref.name, reg_t.name) in _PROJECTIONS
    if not projection and not same:
        raise VerifierError(None, log + [ARG_STRUCT_MISMATCH.format(
            name=meta.name, i=argno, kind=ba.type_str(p.ref), tname=p.ref.name, regno=argno + 1,
            reg_kind=ba.type_str(reg_t), reg_tname=reg_t.name)], EINVAL)


def _mem_checks(env: Env, state: State, insn_idx: int, fn: object, *args: object) -> State:
    """Run an argcheck memory check, in the profile's message wording."""
    try:
        return fn(env, state, *args, insn_idx=insn_idx)  # type: ignore[operator,no-any-return]
    except VerifierError as e:
        e.lines = [era_wording(env, line) for line in e.lines]
        raise


def era_wording(env: Env, line: str) -> str:
    """The seed-era kernel printed some shared memory-check messages differently."""
    if getattr(env.profile, "era", "6.18") != "patch-v4":
        return line
    if line.startswith("invalid read from stack R") and " off=" in line:
        return "invalid indirect access to stack" + line[len("invalid read from stack"):]
    if line.startswith("invalid read from stack R"):
        return "invalid indirect read from stack" + line[len("invalid read from stack"):]
    return line.replace("type=scalar ", "type=inv ")


# --- check_kfunc_args (6.18) -----------------------------------------------------------------


def check_kfunc_args(env: Env, state: State, insn_idx: int, meta: KfuncMeta, proto: KProto) -> State:
    """check_kfunc_args (6.18): every BTF parameter against its register, left to right."""
    from . import argcheck
    from .memory import ModelUnsupported

    params = proto.params
    nargs = len(params)
    if nargs > MAX_BPF_FUNC_REG_ARGS:
        raise _verr(insn_idx, [KFUNC_TOO_MANY_ARGS.format(name=meta.name, n=nargs, max=MAX_BPF_FUNC_REG_ARGS)], EINVAL)
    i = 0
    while i < nargs:
        p = params[i]
        regno = i + 1
        reg = state.reg(regno)
        log: list[str] = []
        if p.has_suffix("__ign"):
            i += 1
            continue
        if p.is_scalar:
            if reg.type != RegType.SCALAR_VALUE:
                raise _verr(insn_idx, [ARG_NOT_SCALAR.format(regno=regno)], EINVAL)
            if p.has_suffix("__k"):
                if not reg.scalar.var_off.is_const():
                    raise _verr(insn_idx, [ARG_MUST_BE_CONST.format(regno=regno)], EINVAL)
                argcheck.mark_chain_precision(env, regno)
            if p.name in ("rdonly_buf_size", "rdwr_buf_size"):
                raise ModelUnsupported(f"kfunc {meta.name} returning a sized buffer")
            i += 1
            continue
        if not p.is_ptr:
            raise _verr(insn_idx, [ARG_UNRECOGNIZED.format(i=i, kind=ba.type_str(p.t))], EINVAL)
        trusted = meta.trusted_args or meta.rcu or getattr(env.profile, "kfunc_trusted_default", False)
        if trusted and (register_is_null(reg) or reg.maybe_null) and not p.has_suffix("__nullable"):
            raise _verr(insn_idx, [ARG_POSSIBLY_NULL.format(i=i)], EACCES)
        if reg.ref_obj_id:
            if meta.release and meta.ref_obj_id:
                raise _verr(insn_idx, [ARG_MORE_THAN_ONE_REF.format(regno=regno, id=reg.ref_obj_id,
                                                                     id2=meta.ref_obj_id)], EFAULT)
            meta.ref_obj_id = reg.ref_obj_id
            if meta.release:
                meta.release_regno = regno
        try:
            kind = get_kfunc_ptr_arg_type(env, state, meta, params, i, log)
        except VerifierError as e:
            e.insn = insn_idx
            raise
        if kind == KF_ARG_PTR_TO_NULL:
            i += 1
            continue
        if kind == KF_ARG_PTR_TO_BTF_ID and trusted and not ba.is_trusted_reg(reg):
            if not meta.rcu:
                raise _verr(insn_idx, [ARG_NOT_REFERENCED_OR_TRUSTED.format(regno=regno)], EINVAL)
            if not ba.is_rcu_reg(reg):
                raise _verr(insn_idx, [ARG_NOT_RCU.format(regno=regno)], EINVAL)
        check_func_arg_reg_off(insn_idx, reg, regno, release=meta.release and bool(reg.ref_obj_id))

        if kind == KF_ARG_PTR_TO_CTX:
            if reg.type != RegType.PTR_TO_CTX or reg.flags:
                raise _verr(insn_idx, [ARG_EXPECTED_CTX.format(i=i, type=_type_str(reg))], EINVAL)
        elif kind == KF_ARG_PTR_TO_BTF_ID:
            unsafe = bool(reg.flags & ~(RegFlag.MEM_ALLOC | RegFlag.PTR_TRUSTED))
            if (reg.type != RegType.PTR_TO_BTF_ID or (unsafe and not ba.is_rcu_reg(reg))) \
                    and reg.type not in ba.REG2BTF_NAMES:
                from .memory import reg_type_str

                expected = reg_type_str(reg.type, reg.flags & (RegFlag.MEM_ALLOC | RegFlag.PTR_TRUSTED))
                raise _verr(insn_idx, [ARG_EXPECTED_BTF_OR_SOCKET.format(i=i, type=_type_str(reg), expected=expected)],
                            EINVAL)
            try:
                process_kf_arg_ptr_to_btf_id(env, reg, regno, p, meta, i, log)
            except VerifierError as e:
                e.insn = insn_idx
                raise
        elif kind == KF_ARG_PTR_TO_MEM:
            assert p.ref is not None
            size = ba.btf_resolve_size(ba.target_btf(env), p.ref)
            if size is None:
                raise _verr(insn_idx, [ARG_SIZE_UNKNOWN.format(i=i, kind=ba.type_str(p.ref), tname=p.ref.name,
                                                               err=-EINVAL)], EINVAL)
            state = _mem_checks(env, state, insn_idx, argcheck.check_mem_reg, regno, size)
        elif kind == KF_ARG_PTR_TO_MEM_SIZE:
            size_p = params[i + 1]
            if not register_is_null(reg) or not p.has_suffix("__opt"):
                try:
                    state = _mem_checks(env, state, insn_idx, argcheck.check_kfunc_mem_size_reg, regno + 1)
                except VerifierError as e:
                    e.lines = e.lines + [ARG_MEM_LEN_PAIR.format(i=i, j=i + 1)]
                    raise
            if is_kfunc_arg_const_mem_size(env, size_p, state.reg(regno + 1)) \
                    and not state.reg(regno + 1).scalar.var_off.is_const():
                raise _verr(insn_idx, [ARG_MUST_BE_CONST.format(regno=regno + 1)], EINVAL)
            i += 1  # the size argument was checked with its buffer
        i += 1
    if meta.release and not meta.release_regno:
        raise _verr(insn_idx, [ARG_RELEASE_NOT_REFCOUNTED.format(name=meta.name)], EINVAL)
    return state


# --- btf_check_func_arg_match (the seed series) ----------------------------------------------


def check_kfunc_args_patch(env: Env, state: State, insn_idx: int, meta: KfuncMeta, proto: KProto) -> State:
    """btf_check_func_arg_match as the seed series had it (kernel/bpf/btf.c, Dec 2021): ctx,
    then PTR_TO_BTF_ID (exact type, no flags) or socket, else memory. No NULL or trusted rules,
    no offset rules for BTF objects; a release kfunc needs a referenced PTR_TO_BTF_ID argument."""
    from . import argcheck
    from .memory import tnum_strn

    params = proto.params
    nargs = len(params)
    btf = ba.target_btf(env)
    if nargs > MAX_BPF_FUNC_REG_ARGS:
        raise _verr(insn_idx, [KFUNC_TOO_MANY_ARGS.format(name=meta.name, n=nargs, max=MAX_BPF_FUNC_REG_ARGS)], EINVAL)
    i = 0
    while i < nargs:
        p = params[i]
        regno = i + 1
        reg = state.reg(regno)
        log: list[str] = []
        if p.is_scalar:
            if reg.type != RegType.SCALAR_VALUE:
                raise _verr(insn_idx, [ARG_NOT_SCALAR.format(regno=regno)], EINVAL)
            i += 1
            continue
        if not p.is_ptr:
            raise _verr(insn_idx, [ARG_UNRECOGNIZED.format(i=i, kind=ba.type_str(p.t))], EINVAL)
        assert p.ref is not None
        exact_btf = reg.type == RegType.PTR_TO_BTF_ID and not reg.flags
        if is_prog_ctx_type(env, p, projections=False):
            if reg.type != RegType.PTR_TO_CTX or reg.flags:
                raise _verr(insn_idx, [ARG_EXPECTED_CTX.format(i=i, type=ba.type_str(p.t))], EINVAL)
            if reg.off:  # check_ctx_reg
                raise _verr(insn_idx, [CTX_MODIFIED.format(regno=regno, off=reg.off)], EACCES)
            if not reg.scalar.var_off.is_const() or reg.scalar.var_off.value:
                raise _verr(insn_idx, [CTX_VARIABLE.format(var_off=tnum_strn(reg.scalar.var_off))], EACCES)
        elif exact_btf or (reg.type in ba.REG2BTF_NAMES and not reg.flags):
            if not ba.is_struct(p.ref):
                raise _verr(insn_idx, [ARG_PTR_TYPE_UNSUPPORTED.format(
                    name=meta.name, i=i, kind=ba.type_str(p.ref), tname=p.ref.name)], EINVAL)
            if exact_btf and reg.ref_obj_id:
                if meta.ref_obj_id:
                    raise _verr(insn_idx, [ARG_MORE_THAN_ONE_REF.format(regno=regno, id=reg.ref_obj_id,
                                                                         id2=meta.ref_obj_id)], EFAULT)
                meta.ref_obj_id = reg.ref_obj_id
                meta.release_regno = regno
            try:
                process_kf_arg_ptr_to_btf_id(env, reg, regno, p, meta, i, log, strict_rules=False)
            except VerifierError as e:
                e.insn = insn_idx
                raise
        else:
            arg_mem_size = i + 1 < nargs and is_kfunc_arg_mem_size(env, params[i + 1], state.reg(regno + 1))
            if not ba.is_scalar(p.ref) and not ba.btf_type_is_scalar_struct(btf, p.ref, 0, log) and (
                    not arg_mem_size or p.ref.kind != Kind.UNKN):
                raise _verr(insn_idx, log + [ARG_MUST_POINT_TO_SCALAR.format(
                    i=i, kind=ba.type_str(p.ref), tname=p.ref.name, void="void, " if arg_mem_size else "")], EINVAL)
            if arg_mem_size:
                try:
                    state = _mem_checks(env, state, insn_idx, argcheck.check_kfunc_mem_size_reg, regno + 1)
                except VerifierError as e:
                    e.lines = e.lines + [ARG_MEM_LEN_PAIR.format(i=i, j=i + 1)]
                    raise
                i += 2
                continue
            size = ba.btf_resolve_size(btf, p.ref)
            if size is None:
                raise _verr(insn_idx, [ARG_SIZE_UNKNOWN.format(i=i, kind=ba.type_str(p.ref), tname=p.ref.name,
                                                               err=-EINVAL)], EINVAL)
            state = _mem_checks(env, state, insn_idx, argcheck.check_mem_reg, regno, size)
        i += 1
    if meta.release and not meta.ref_obj_id:
        raise _verr(insn_idx, [ARG_RELEASE_NOT_REFCOUNTED.format(name=meta.name)], EINVAL)
    if not meta.release:
        meta.release_regno = 0
    return state


# --- references ------------------------------------------------------------------------------


def _acquire(env: Env, state: State, insn_idx: int) -> tuple[State, int]:
    try:
        from .refs import acquire_reference  # type: ignore[attr-defined]
    except ImportError:  # until refs.py lands
        from .helpers import acquire_reference
    return acquire_reference(env, state, insn_idx)  # type: ignore[no-any-return]


def _release(env: Env, state: State, ref_obj_id: int) -> State | None:
    if not any(r.id == ref_obj_id and r.kind == "ptr" for r in state.refs):
        return None
    try:
        from .refs import release_reference  # type: ignore[attr-defined]
    except ImportError:  # until refs.py lands
        from .helpers import release_reference
    return release_reference(env, state, ref_obj_id)  # type: ignore[no-any-return]


def _verr(insn_idx: int, lines: list[str], errno: int) -> VerifierError:
    return VerifierError(insn_idx, lines, errno)


# --- check_kfunc_call ------------------------------------------------------------------------


def check_kfunc_call(env: Env, state: State, insn: Insn, insn_idx: int) -> State:
    """check_kfunc_call: verify `call <kfunc>` at insn_idx and return the state after it."""
    from .memory import ModelUnsupported, unknown_reg

    func_id = kfunc_id(env, insn)
    if not func_id:
        return state  # imm 0: skipped here, rejected after the walk if reachable
    name = _func_name(env, insn, func_id)
    row = _row(env, name)
    if row is None:
        from ..btf import kfunc_ids

        if name in kfunc_ids():
            raise ModelUnsupported(f"kfunc {name} is not in the model's kfunc table")
        raise _verr(insn_idx, [KFUNC_NOT_ALLOWED.format(name=name)], EACCES)
    if int(env.prog.prog_type) not in row.prog_types:
        raise _verr(insn_idx, [KFUNC_NOT_ALLOWED.format(name=name)], EACCES)
    if not row.modelled:
        raise ModelUnsupported(f"kfunc {name}: argument kinds not modelled")
    if row.flags & (KF.SLEEPABLE | KF.DESTRUCTIVE):
        raise ModelUnsupported(f"kfunc {name}: sleepable/destructive kfuncs")
    proto = kfunc_proto(env, name, func_id)
    meta = KfuncMeta(name, func_id, row.flags)

    if getattr(env.profile, "kfunc_args", "6.18") == "patch-v4":
        state = check_kfunc_args_patch(env, state, insn_idx, meta, proto)
    else:
        state = check_kfunc_args(env, state, insn_idx, meta, proto)

    if meta.release_regno:
        released = _release(env, state, state.reg(meta.release_regno).ref_obj_id)
        if released is None:
            raise _verr(insn_idx, [KFUNC_REF_NOT_ACQUIRED.format(name=name, id=func_id)], EFAULT)
        state = released

    for r in range(6):  # caller-saved registers, R0 included
        state = state.with_reg(r, NOT_INIT)

    ret = proto.ret
    if meta.flags & KF.ACQUIRE and not (ret.kind == Kind.PTR and proto.ret_ref is not None
                                        and ba.is_struct(proto.ret_ref)):
        raise _verr(insn_idx, [KFUNC_ACQUIRE_NOT_PTR], EINVAL)
    if ba.is_scalar(ret):
        r0 = unknown_reg()
        if ret.size != 8:  # mark_btf_func_reg_size: a 32-bit (or narrower) return
            r0 = replace(r0, subreg_def=insn_idx + 1)
        return state.with_reg(0, r0)
    if ret.kind != Kind.PTR:
        return state  # void: R0 stays NOT_INIT
    ref = proto.ret_ref
    assert ref is not None
    if ref.kind == Kind.UNKN:
        return state.with_reg(0, unknown_reg())  # void *: a scalar
    if not ba.is_struct(ref):
        raise _verr(insn_idx, [KFUNC_RET_PTR_UNSUPPORTED.format(name=name, kind=ba.type_str(ref), tname=ref.name)],
                    EINVAL)
    r0 = Reg(type=RegType.PTR_TO_BTF_ID, scalar=Scalar.const(0), btf=BtfRef(ref.id, ref.name, ref.size))
    if meta.flags & KF.RET_NULL:
        r0 = replace(r0, flags=RegFlag.PTR_MAYBE_NULL, id=env.new_id())
    if meta.flags & KF.ACQUIRE:
        state, rid = _acquire(env, state, insn_idx)
        patch_era = getattr(env.profile, "kfunc_args", "6.18") == "patch-v4"
        r0 = replace(r0, ref_obj_id=rid, id=rid if (meta.flags & KF.RET_NULL or patch_era) else r0.id)
    return state.with_reg(0, r0)
