# scenario: tuple at fp-40 and opts at fp-96 instead of the canonical slots, both fully initialised: accepted
# kernel: accept
# kernel-processed: 24
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 88) = 0
	*(u64 *)(r10 - 96) = 0
	*(u32 *)(r10 - 96) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 88) = 6		# opts.l4proto
	r1 = r6
	r2 = r10
	r2 += -40
	r3 = 12
	r4 = r10
	r4 += -96
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
