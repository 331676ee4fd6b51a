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

    def unprivileged(self) -> "Profile":
        """A loader with CAP_BPF + CAP_NET_ADMIN but without CAP_PERFMON / CAP_SYS_ADMIN."""
        return replace(
            self,
            allow_ptr_leaks=False,
            allow_uninit_stack=False,
            bypass_spec_v1=False,
            bypass_spec_v4=False,
        )


PROFILES: dict[str, Profile] = {
    "6.18": Profile(),
    "patch-v4": Profile(name="patch-v4", era="patch-v4", allow_uninit_stack=False),
}


def get_profile(name: str = "6.18", privileged: bool = True) -> Profile:
    p = PROFILES[name]
    return p if privileged else p.unprivileged()
