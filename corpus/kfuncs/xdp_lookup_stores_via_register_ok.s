# scenario: tuple/opts zeroed through a zero register (r1 = 0; *(u64 *) = r1), ctx kept in r9: accepted
# kernel: accept
# kernel-processed: 26
# kernel-version: 6.18.44
	.section xdp
	r9 = r1
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	*(u64 *)(r10 - 24) = r1
	*(u64 *)(r10 - 32) = r1
	*(u64 *)(r10 - 40) = r1
	*(u64 *)(r10 - 48) = r1
	*(u64 *)(r10 - 56) = r1
	*(u64 *)(r10 - 64) = r1
	*(u32 *)(r10 - 64) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 56) = 6		# opts.l4proto
	r1 = r9
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
