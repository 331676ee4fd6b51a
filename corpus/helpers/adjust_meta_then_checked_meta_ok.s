# scenario: bpf_xdp_adjust_meta(-4), reload data_meta/data, check and write metadata: accepted [first 6.18.44 build; the later build (ours since 2026-12, KF_TRUSTED_ARGS by default) differs: see the kernel lines and docs/PROFILES.md]
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 2
# kernel-error: program of this type cannot use helper bpf_xdp_adjust_meta#54
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r2 = -4
	call bpf_xdp_adjust_meta
	if r0 != 0 goto out
	r2 = *(u32 *)(r6 + 8)
	r3 = *(u32 *)(r6 + 0)
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	*(u32 *)(r2 + 0) = 1
out:
	r0 = 2
	exit
