# scenario: TC program calls bpf_xdp_ct_lookup: arg#0 (xdp_md, all scalars) is treated as memory and the ctx pointer is not stack: rejected (R1 type=ctx expected=fp) [first 6.18.44 build; the later build (ours since 2026-12, KF_TRUSTED_ARGS by default) differs: see the kernel lines and docs/PROFILES.md]
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 18
# kernel-error: R1 must be referenced or trusted
# kernel-processed: 19
# kernel-version: 6.18.44
	.section tc
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
	*(u64 *)(r10 - 56) = 0
	*(u64 *)(r10 - 64) = 0
	*(u32 *)(r10 - 64) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 56) = 6		# opts.l4proto
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
