# scenario: a global subprogram (verified on its own) acquires and does not release: rejected at its exit
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 23
# kernel-error: Unreleased reference id=2 alloc_insn=21
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 24
# kernel-version: 6.18.44
	.section xdp
	.subprog gsub global
	call gsub
	r0 = 2
	exit
gsub:
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
	r0 = 0
	exit
