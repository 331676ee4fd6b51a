# scenario: bpf_loop callback calls bpf_xdp_ct_lookup passing its callback ctx (a scalar 0) as xdp_md: rejected at arg#0 [first 6.18.44 build; the later build (ours since 2026-12, KF_TRUSTED_ARGS by default) differs: see the kernel lines and docs/PROFILES.md]
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 26
# kernel-error: Possibly NULL pointer passed to trusted arg0
# kernel-processed: 26
# kernel-version: 6.18.44
	.section xdp
	r1 = 1
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r6 = r2
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
	if r0 == 0 goto cb_out
	r1 = r0
	call bpf_ct_release
cb_out:
	r0 = 0
	exit
