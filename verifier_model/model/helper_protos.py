"""Helper prototypes as data (struct bpf_func_proto, kernel/bpf/helpers.c and net/core/filter.c).

A helper is one `Proto` row: return type, argument types (with their flags), and whether it may
touch packet data or changes it. Which helpers a program type may call was measured on the live
6.18 kernel (a call to every helper id from every program type, with and without CAP_PERFMON).
"""
from __future__ import annotations

from dataclasses import dataclass
from enum import IntEnum, IntFlag

from ..isa.opcodes import ProgType

BPF_FUNC_MAX_ID = 212

HELPER_NAMES: tuple[str, ...] = (
    "unspec", "map_lookup_elem", "map_update_elem", "map_delete_elem", "probe_read", "ktime_get_ns",
    "trace_printk", "get_prandom_u32", "get_smp_processor_id", "skb_store_bytes", "l3_csum_replace",
    "l4_csum_replace", "tail_call", "clone_redirect", "get_current_pid_tgid", "get_current_uid_gid",
    "get_current_comm", "get_cgroup_classid", "skb_vlan_push", "skb_vlan_pop", "skb_get_tunnel_key",
    "skb_set_tunnel_key", "perf_event_read", "redirect", "get_route_realm", "perf_event_output",
    "skb_load_bytes", "get_stackid", "csum_diff", "skb_get_tunnel_opt", "skb_set_tunnel_opt",
    "skb_change_proto", "skb_change_type", "skb_under_cgroup", "get_hash_recalc",
    "get_current_task", "probe_write_user", "current_task_under_cgroup", "skb_change_tail",
    "skb_pull_data", "csum_update", "set_hash_invalid", "get_numa_node_id", "skb_change_head",
    "xdp_adjust_head", "probe_read_str", "get_socket_cookie", "get_socket_uid", "set_hash",
    "setsockopt", "skb_adjust_room", "redirect_map", "sk_redirect_map", "sock_map_update",
    "xdp_adjust_meta", "perf_event_read_value", "perf_prog_read_value", "getsockopt",
    "override_return", "sock_ops_cb_flags_set", "msg_redirect_map", "msg_apply_bytes",
    "msg_cork_bytes", "msg_pull_data", "bind", "xdp_adjust_tail", "skb_get_xfrm_state", "get_stack",
    "skb_load_bytes_relative", "fib_lookup", "sock_hash_update", "msg_redirect_hash",
    "sk_redirect_hash", "lwt_push_encap", "lwt_seg6_store_bytes", "lwt_seg6_adjust_srh",
    "lwt_seg6_action", "rc_repeat", "rc_keydown", "skb_cgroup_id", "get_current_cgroup_id",
    "get_local_storage", "sk_select_reuseport", "skb_ancestor_cgroup_id", "sk_lookup_tcp",
    "sk_lookup_udp", "sk_release", "map_push_elem", "map_pop_elem", "map_peek_elem",
    "msg_push_data", "msg_pop_data", "rc_pointer_rel", "spin_lock", "spin_unlock", "sk_fullsock",
    "tcp_sock", "skb_ecn_set_ce", "get_listener_sock", "skc_lookup_tcp", "tcp_check_syncookie",
    "sysctl_get_name", "sysctl_get_current_value", "sysctl_get_new_value", "sysctl_set_new_value",
    "strtol", "strtoul", "sk_storage_get", "sk_storage_delete", "send_signal", "tcp_gen_syncookie",
    "skb_output", "probe_read_user", "probe_read_kernel", "probe_read_user_str",
    "probe_read_kernel_str", "tcp_send_ack", "send_signal_thread", "jiffies64",
    "read_branch_records", "get_ns_current_pid_tgid", "xdp_output", "get_netns_cookie",
    "get_current_ancestor_cgroup_id", "sk_assign", "ktime_get_boot_ns", "seq_printf", "seq_write",
    "sk_cgroup_id", "sk_ancestor_cgroup_id", "ringbuf_output", "ringbuf_reserve", "ringbuf_submit",
    "ringbuf_discard", "ringbuf_query", "csum_level", "skc_to_tcp6_sock", "skc_to_tcp_sock",
    "skc_to_tcp_timewait_sock", "skc_to_tcp_request_sock", "skc_to_udp6_sock", "get_task_stack",
    "load_hdr_opt", "store_hdr_opt", "reserve_hdr_opt", "inode_storage_get", "inode_storage_delete",
    "d_path", "copy_from_user", "snprintf_btf", "seq_printf_btf", "skb_cgroup_classid",
    "redirect_neigh", "per_cpu_ptr", "this_cpu_ptr", "redirect_peer", "task_storage_get",
    "task_storage_delete", "get_current_task_btf", "bprm_opts_set", "ktime_get_coarse_ns",
    "ima_inode_hash", "sock_from_file", "check_mtu", "for_each_map_elem", "snprintf", "sys_bpf",
    "btf_find_by_name_kind", "sys_close", "timer_init", "timer_set_callback", "timer_start",
    "timer_cancel", "get_func_ip", "get_attach_cookie", "task_pt_regs", "get_branch_snapshot",
    "trace_vprintk", "skc_to_unix_sock", "kallsyms_lookup_name", "find_vma", "loop", "strncmp",
    "get_func_arg", "get_func_ret", "get_func_arg_cnt", "get_retval", "set_retval",
    "xdp_get_buff_len", "xdp_load_bytes", "xdp_store_bytes", "copy_from_user_task",
    "skb_set_tstamp", "ima_file_hash", "kptr_xchg", "map_lookup_percpu_elem", "skc_to_mptcp_sock",
    "dynptr_from_mem", "ringbuf_reserve_dynptr", "ringbuf_submit_dynptr", "ringbuf_discard_dynptr",
    "dynptr_read", "dynptr_write", "dynptr_data", "tcp_raw_gen_syncookie_ipv4",
    "tcp_raw_gen_syncookie_ipv6", "tcp_raw_check_syncookie_ipv4", "tcp_raw_check_syncookie_ipv6",
    "ktime_get_tai_ns", "user_ringbuf_drain", "cgrp_storage_get", "cgrp_storage_delete",
)


def func_id_name(func_id: int) -> str:
    """func_id_name: 'bpf_<name>' for a known id, 'unknown' otherwise."""
    if 0 <= func_id < len(HELPER_NAMES) and func_id:
        return "bpf_" + HELPER_NAMES[func_id]
    return "unknown"


FUNC_IDS = {name: i for i, name in enumerate(HELPER_NAMES)}


class ArgType(IntEnum):
    """enum bpf_arg_type base types."""

    DONTCARE = 0
    CONST_MAP_PTR = 1
    PTR_TO_MAP_KEY = 2
    PTR_TO_MAP_VALUE = 3
    PTR_TO_MEM = 4
    PTR_TO_ARENA = 5
    CONST_SIZE = 6
    CONST_SIZE_OR_ZERO = 7
    PTR_TO_CTX = 8
    ANYTHING = 9
    PTR_TO_SPIN_LOCK = 10
    PTR_TO_SOCK_COMMON = 11
    PTR_TO_SOCKET = 12
    PTR_TO_BTF_ID = 13
    PTR_TO_RINGBUF_MEM = 14
    CONST_ALLOC_SIZE_OR_ZERO = 15
    PTR_TO_BTF_ID_SOCK_COMMON = 16
    PTR_TO_PERCPU_BTF_ID = 17
    PTR_TO_FUNC = 18
    PTR_TO_STACK = 19
    PTR_TO_CONST_STR = 20
    PTR_TO_TIMER = 21
    KPTR_XCHG_DEST = 22
    PTR_TO_DYNPTR = 23


class ArgFlag(IntFlag):
    NONE = 0
    MAYBE_NULL = 1 << 0  # PTR_MAYBE_NULL
    RDONLY = 1 << 1  # MEM_RDONLY
    UNINIT = 1 << 2  # MEM_UNINIT
    WRITE = 1 << 3  # MEM_WRITE
    FIXED_SIZE = 1 << 4  # MEM_FIXED_SIZE
    RELEASE = 1 << 5  # OBJ_RELEASE


@dataclass(frozen=True, slots=True)
class Arg:
    type: ArgType
    flags: ArgFlag = ArgFlag.NONE
    size: int = 0  # MEM_FIXED_SIZE

    @property
    def is_release(self) -> bool:
        return bool(self.flags & ArgFlag.RELEASE)


class Ret(IntEnum):
    INTEGER = 0
    VOID = 1
    PTR_TO_MAP_VALUE = 2
    PTR_TO_SOCKET = 3
    PTR_TO_TCP_SOCK = 4
    PTR_TO_SOCK_COMMON = 5
    PTR_TO_MEM = 6


@dataclass(frozen=True, slots=True)
class Proto:
    ret: Ret
    args: tuple[Arg, ...] = ()
    ret_maybe_null: bool = False
    gpl_only: bool = False
    pkt_access: bool = False
    changes_pkt_data: bool = False  # bpf_helper_changes_pkt_data
    acquire: bool = False  # is_acquire_function


A = ArgType
F = ArgFlag
ANY = Arg(A.ANYTHING)
CTX = Arg(A.PTR_TO_CTX)
MAP = Arg(A.CONST_MAP_PTR)
KEY = Arg(A.PTR_TO_MAP_KEY)
VALUE = Arg(A.PTR_TO_MAP_VALUE)
RO_MEM = Arg(A.PTR_TO_MEM, F.RDONLY)
UNINIT_MEM = Arg(A.PTR_TO_MEM, F.UNINIT | F.WRITE)  # ARG_PTR_TO_UNINIT_MEM
SIZE = Arg(A.CONST_SIZE)
SIZE0 = Arg(A.CONST_SIZE_OR_ZERO)

_SK_LOOKUP_ARGS = (CTX, RO_MEM, SIZE, ANY, ANY)
_INT = Ret.INTEGER

# Prototypes that do not depend on the program type.
_COMMON: dict[str, Proto] = {
    "map_lookup_elem": Proto(Ret.PTR_TO_MAP_VALUE, (MAP, KEY), ret_maybe_null=True, pkt_access=True),
    "map_update_elem": Proto(_INT, (MAP, KEY, VALUE, ANY), pkt_access=True),
    "map_delete_elem": Proto(_INT, (MAP, KEY), pkt_access=True),
    "ktime_get_ns": Proto(_INT),
    "get_current_comm": Proto(_INT, (UNINIT_MEM, SIZE)),
    "ktime_get_boot_ns": Proto(_INT),
    "get_prandom_u32": Proto(_INT),
    "get_smp_processor_id": Proto(_INT),
    "get_numa_node_id": Proto(_INT),
    "trace_printk": Proto(_INT, (RO_MEM, SIZE), gpl_only=True),
    "tail_call": Proto(Ret.VOID, (CTX, MAP, ANY), changes_pkt_data=True),
    "loop": Proto(_INT, (ANY, Arg(A.PTR_TO_FUNC), Arg(A.PTR_TO_STACK, F.MAYBE_NULL), ANY)),
    "csum_diff": Proto(_INT, (Arg(A.PTR_TO_MEM, F.MAYBE_NULL | F.RDONLY), SIZE0,
                              Arg(A.PTR_TO_MEM, F.MAYBE_NULL | F.RDONLY), SIZE0, ANY), pkt_access=True),
    "sk_release": Proto(_INT, (Arg(A.PTR_TO_BTF_ID_SOCK_COMMON, F.RELEASE),)),
    "jiffies64": Proto(_INT),
    "ktime_get_coarse_ns": Proto(_INT),
    "ktime_get_tai_ns": Proto(_INT),
    "ringbuf_output": Proto(_INT, (MAP, RO_MEM, SIZE0, ANY)),
    "ringbuf_query": Proto(_INT, (MAP, ANY)),
}

# Per program type (xdp_func_proto, tc_cls_act_func_proto, sk_filter_func_proto, cg_skb_func_proto).
_XDP: dict[str, Proto] = {
    "redirect": Proto(_INT, (ANY, ANY)),
    "redirect_map": Proto(_INT, (MAP, ANY, ANY)),
    "xdp_adjust_head": Proto(_INT, (CTX, ANY), changes_pkt_data=True),
    "xdp_adjust_tail": Proto(_INT, (CTX, ANY), changes_pkt_data=True),
    "xdp_adjust_meta": Proto(_INT, (CTX, ANY), changes_pkt_data=True),
    "xdp_get_buff_len": Proto(_INT, (CTX,)),
    "xdp_load_bytes": Proto(_INT, (CTX, ANY, UNINIT_MEM, SIZE)),
    "xdp_store_bytes": Proto(_INT, (CTX, ANY, RO_MEM, SIZE)),
    "perf_event_output": Proto(_INT, (CTX, MAP, ANY, RO_MEM, SIZE0), gpl_only=True),
    "sk_lookup_tcp": Proto(Ret.PTR_TO_SOCKET, _SK_LOOKUP_ARGS, ret_maybe_null=True, pkt_access=True, acquire=True),
    "sk_lookup_udp": Proto(Ret.PTR_TO_SOCKET, _SK_LOOKUP_ARGS, ret_maybe_null=True, pkt_access=True, acquire=True),
    "skc_lookup_tcp": Proto(Ret.PTR_TO_SOCK_COMMON, _SK_LOOKUP_ARGS, ret_maybe_null=True, pkt_access=True,
                            acquire=True),
}
_TC: dict[str, Proto] = {
    "redirect": Proto(_INT, (ANY, ANY)),
    "skb_store_bytes": Proto(_INT, (CTX, ANY, RO_MEM, SIZE, ANY), changes_pkt_data=True),
    "skb_load_bytes": Proto(_INT, (CTX, ANY, UNINIT_MEM, SIZE)),
    "skb_pull_data": Proto(_INT, (CTX, ANY), changes_pkt_data=True),
    "skb_change_head": Proto(_INT, (CTX, ANY, ANY), changes_pkt_data=True),
    "skb_change_tail": Proto(_INT, (CTX, ANY, ANY), changes_pkt_data=True),
    "l3_csum_replace": Proto(_INT, (CTX, ANY, ANY, ANY, ANY), changes_pkt_data=True),
    "l4_csum_replace": Proto(_INT, (CTX, ANY, ANY, ANY, ANY), changes_pkt_data=True),
    "clone_redirect": Proto(_INT, (CTX, ANY, ANY), changes_pkt_data=True),
    "skb_vlan_push": Proto(_INT, (CTX, ANY, ANY), changes_pkt_data=True),
    "skb_vlan_pop": Proto(_INT, (CTX,), changes_pkt_data=True),
    "skb_change_proto": Proto(_INT, (CTX, ANY, ANY), changes_pkt_data=True),
    "skb_adjust_room": Proto(_INT, (CTX, ANY, ANY, ANY), changes_pkt_data=True),
    "skb_load_bytes_relative": Proto(_INT, (CTX, ANY, UNINIT_MEM, SIZE, ANY)),
    "csum_update": Proto(_INT, (CTX, ANY)),
    "set_hash_invalid": Proto(_INT, (CTX,)),
    "get_hash_recalc": Proto(_INT, (CTX,)),
    "get_cgroup_classid": Proto(_INT, (CTX,)),
    "get_route_realm": Proto(_INT, (CTX,)),
    "redirect_peer": Proto(_INT, (ANY, ANY)),
    "perf_event_output": Proto(_INT, (CTX, MAP, ANY, RO_MEM, SIZE0), gpl_only=True),
    "sk_lookup_tcp": Proto(Ret.PTR_TO_SOCKET, _SK_LOOKUP_ARGS, ret_maybe_null=True, pkt_access=True, acquire=True),
    "sk_lookup_udp": Proto(Ret.PTR_TO_SOCKET, _SK_LOOKUP_ARGS, ret_maybe_null=True, pkt_access=True, acquire=True),
    "skc_lookup_tcp": Proto(Ret.PTR_TO_SOCK_COMMON, _SK_LOOKUP_ARGS, ret_maybe_null=True, pkt_access=True,
                            acquire=True),
}
_SOCK_FILTER: dict[str, Proto] = {
    "skb_load_bytes": Proto(_INT, (CTX, ANY, UNINIT_MEM, SIZE)),
    "perf_event_output": Proto(_INT, (CTX, MAP, ANY, RO_MEM, SIZE0), gpl_only=True),
}
_CG_SKB: dict[str, Proto] = dict(_SOCK_FILTER)

_BY_PROG_TYPE: dict[int, dict[str, Proto]] = {
    ProgType.XDP: _XDP, ProgType.SCHED_CLS: _TC, ProgType.SCHED_ACT: _TC,
    ProgType.SOCKET_FILTER: _SOCK_FILTER, ProgType.CGROUP_SKB: _CG_SKB,
}

# Helper ids callable per program type by a CAP_BPF loader without CAP_PERFMON, measured on 6.18.44;
# a CAP_PERFMON loader may additionally call PERFMON_ONLY.
_R = tuple[tuple[int, int], ...]
_ALLOWED_RANGES: dict[int, _R] = {
    ProgType.XDP: ((1, 3), (5, 5), (7, 8), (12, 12), (14, 15), (17, 17), (23, 23), (25, 25), (28, 28),
                   (37, 37), (42, 42), (44, 44), (51, 51), (54, 54), (65, 65), (69, 69), (80, 80), (84, 89),
                   (93, 94), (99, 100), (105, 106), (110, 110), (118, 118), (120, 120), (123, 123),
                   (125, 125), (130, 134), (153, 154), (156, 157), (160, 160), (163, 164), (169, 172),
                   (181, 182), (188, 190), (194, 195), (197, 211)),
    ProgType.SCHED_CLS: ((1, 3), (5, 5), (7, 15), (17, 21), (23, 26), (28, 34), (37, 43), (46, 48), (50, 50),
                         (66, 66), (68, 69), (79, 80), (83, 89), (93, 100), (105, 108), (110, 110),
                         (118, 118), (120, 120), (122, 125), (130, 135), (151, 157), (160, 160), (163, 164),
                         (169, 172), (181, 182), (192, 192), (194, 195), (197, 211)),
    ProgType.SOCKET_FILTER: ((1, 3), (5, 5), (7, 8), (12, 12), (14, 15), (17, 17), (25, 26), (37, 37),
                             (42, 42), (46, 47), (68, 68), (80, 80), (87, 89), (93, 94), (105, 106),
                             (118, 118), (120, 120), (122, 123), (125, 125), (130, 134), (153, 154),
                             (156, 157), (160, 160), (164, 164), (169, 172), (181, 182), (194, 195),
                             (197, 203), (208, 211)),
    ProgType.CGROUP_SKB: ((1, 3), (5, 5), (7, 8), (12, 12), (14, 15), (17, 17), (25, 26), (37, 37), (42, 42),
                          (46, 47), (68, 68), (79, 81), (83, 89), (93, 99), (105, 108), (118, 118),
                          (120, 120), (122, 123), (125, 125), (128, 134), (153, 154), (156, 157),
                          (160, 160), (164, 164), (169, 172), (181, 182), (194, 195), (197, 203),
                          (208, 211)),
}
_ALLOWED_RANGES[ProgType.SCHED_ACT] = _ALLOWED_RANGES[ProgType.SCHED_CLS]

PERFMON_ONLY = frozenset({6, 16, 22, 35, 55, 109, 112, 113, 114, 115, 117, 136, 137, 138, 139, 140, 141, 148,
                          149, 158, 165, 175, 176, 177, 178, 180, 191, 196})


_XDP_ADJUST_META = HELPER_NAMES.index("xdp_adjust_meta")


def helper_allowed(prog_type: int, func_id: int, *, perfmon: bool, xdp_adjust_meta: bool = True) -> bool:
    """Does env->ops->get_func_proto return a prototype for this helper? (`xdp_adjust_meta`
    False: the build whose XDP programs may not call it, profile field of that name.)"""
    if func_id == _XDP_ADJUST_META and not xdp_adjust_meta:
        return False
    if perfmon and func_id in PERFMON_ONLY:
        return True
    return any(lo <= func_id <= hi for lo, hi in _ALLOWED_RANGES.get(prog_type, ()))


def get_proto(prog_type: int, func_id: int) -> Proto | None:
    """The modelled prototype of an allowed helper, None if the model does not know it."""
    if not 0 < func_id < len(HELPER_NAMES):
        return None
    name = HELPER_NAMES[func_id]
    per_type = _BY_PROG_TYPE.get(prog_type, {})
    return per_type.get(name) or _COMMON.get(name)
