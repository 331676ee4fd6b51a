# scenario: lookup, check, store a random value into the map value: accepted
# kernel: accept
# kernel-processed: 13
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r6 = r0
	call bpf_get_prandom_u32
	*(u64 *)(r6 + 0) = r0
out:
	r0 = 2
	exit
