# scenario: the map key at fp-8 differs at the join and is read by bpf_map_lookup_elem after it: live, explored twice
# kernel: accept
# kernel-processed: 17
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=8, value=8, entries=16
	r6 = r1
	r7 = 1
	r8 = 2
	call bpf_get_prandom_u32
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = 1
	goto join
other:
	*(u64 *)(r10 - 8) = 2
join:
	r0 = r7
	r0 += r8
	r1 = vals ll
	r2 = r10
	r2 += -8
	call bpf_map_lookup_elem
	r0 = 2
	exit
