"""Rule profiles as data: which kernel the model imitates and what the loader may do.

`6.18` is the kernel on our machines (checked against it). `patch-v4` encodes the rules as the
seed patch series stated them (see docs/PROFILES.md for every difference, each with a test).
"""
from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True, slots=True)
class Profile:
    name: str = "6.18"
    # privilege switches (kernel_semantics.md section 0)
    bpf_capable: bool = True
    allow_ptr_leaks: bool = True  # CAP_PERFMON
    allow_uninit_stack: bool = True  # CAP_PERFMON (6.3+)
    bypass_spec_v1: bool = True
    bypass_spec_v4: bool = True
    # era switches (kernel_semantics.md section 10); filled in as rules land
    era: str = "6.18"
    insn_limit: int = 1_000_000
    max_call_frames: int = 8
    # kfunc and BTF-object rules (model/kfuncs.py, model/btf_access.py; docs/PROFILES.md)
    kfunc_table: str = "6.18"  # rows of model/kfunc_table.py: which kfuncs exist, flags, prog types
    kfunc_args: str = "6.18"  # "6.18": check_kfunc_args; "patch-v4": btf_check_func_arg_match
    kfunc_proto_from_btf: bool = True  # False: prototypes from the table (another kernel than the BTF's)
    kfunc_mem_size_rule: str = "suffix:__sz"  # how a (mem, size) pair is named: "suffix:__sz" | "prefix:len__"
    btf_access_needs_perfmon: bool = True  # 6.2+: loads/stores via PTR_TO_BTF_ID need CAP_PERFMON, GPL
    nf_conn_write_hook: bool = True  # 6.1+: XDP/TC may write nf_conn::mark
    kfunc_provenance: bool = False  # seed v4 patch 06: pointers loaded from a ref carry parent_ref_obj_id
    # The 6.18.44 build on our machines since 2026-12 (6.18.44-fc-v1300) carries "bpf: Make
    # KF_TRUSTED_ARGS the default for all kfuncs" without the netfilter `__nullable` marks:
    kfunc_trusted_default: bool = True  # every kfunc: NULL check and trust check on all pointer args;
    #                                      a struct pointer without a size pair is a BTF object
    walked_ptr_untrusted: bool = True  # a pointer loaded through PTR_TO_BTF_ID is untrusted_ptr_ and read-only
    xdp_adjust_meta: bool = False  # XDP may call bpf_xdp_adjust_meta (not in that build)
    null_arg_precise: bool = True  # a NULL for a maybe-NULL helper argument is marked precise (model/helpers.py)
    scc_exit_repropagate: bool = True  # leaving a loop replays its backedges' precision propagation
    callback_exit_keeps_args: bool = True  # precision backtracking into a callback keeps the caller's R1-R5
    slot_types_exact_only: bool = True  # stacksafe: byte-wise slot types under EXACT only (model/prune.py)
    stack_range_bytewise: bool = True  # a helper's stack read needs each byte of a partial spill spilled
    tail_call_exits: bool = True  # stack liveness: a tail call may leave the function (model/liveness.py)
    callback_scc: bool = True  # a callback-calling insn is a loop (SCC) of its own (model/cfg.compute_scc)
    movsx_subreg_bounds: bool = True  # movsx falls back to 32-bit bounds (scalar.coerce_reg_to_size_sx)

    def unprivileged(self) -> Profile:
        """A loader with CAP_BPF + CAP_NET_ADMIN but without CAP_PERFMON / CAP_SYS_ADMIN."""
        return replace(
            self,
            allow_ptr_leaks=False,
            allow_uninit_stack=False,
            bypass_spec_v1=False,
            bypass_spec_v4=False,
        )


# The first 6.18.44 build's values of the fields where the later build differs (above): the
# profiles of that build and of the seed series both take them.
FIRST_BUILD: dict[str, bool] = {
    "kfunc_trusted_default": False,
    "walked_ptr_untrusted": False,
    "xdp_adjust_meta": True,
    "null_arg_precise": False,
    "scc_exit_repropagate": False,
    "callback_exit_keeps_args": False,
    "slot_types_exact_only": False,
    "stack_range_bytewise": False,
    "tail_call_exits": False,
    "callback_scc": False,
    "movsx_subreg_bounds": False,
}

PROFILES: dict[str, Profile] = {
    "6.18": Profile(),
    # the first 6.18.44 build (until 2026-11), the kernel of ../shared/semantics/live-6.18-logs
    "6.18-orig": Profile(
        name="6.18-orig",
        **FIRST_BUILD,
    ),
    "patch-v4": Profile(
        name="patch-v4",
        era="patch-v4",
        allow_uninit_stack=False,
        kfunc_table="patch-v4",
        kfunc_args="patch-v4",
        kfunc_proto_from_btf=False,
        kfunc_mem_size_rule="prefix:len__",
        btf_access_needs_perfmon=False,
        nf_conn_write_hook=False,
        kfunc_provenance=True,
        **FIRST_BUILD,
    ),
}


def get_profile(name: str = "6.18", privileged: bool = True) -> Profile:
    p = PROFILES[name]
    return p if privileged else p.unprivileged()
