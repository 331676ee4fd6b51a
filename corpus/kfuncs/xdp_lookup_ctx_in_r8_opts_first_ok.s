# scenario: opts placed above the tuple (opts fp-16, tuple fp-56), ctx kept in r8: accepted
# kernel: accept
# kernel-processed: 24
# kernel-version: 6.18.44
	.section xdp
	r8 = r1
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
	*(u64 *)(r10 - 56) = 0
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u32 *)(r10 - 16) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 8) = 6		# opts.l4proto
	r1 = r8
	r2 = r10
	r2 += -56
	r3 = 12
	r4 = r10
	r4 += -16
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
