# scenario: tuple = map value + 8 with tuple__sz 60 and value_size 64: 4 bytes past the value: rejected
	.section xdp
	.map tuples, type=array, key=4, value=64, entries=4
	r6 = r1
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 56) = 0
	*(u64 *)(r10 - 64) = 0
	*(u32 *)(r10 - 64) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 56) = 6		# opts.l4proto
	*(u32 *)(r10 - 4) = 0
	r1 = tuples ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r2 = r0
	r2 += 8
	r1 = r6
	r3 = 60
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
