# scenario: two lookups with different keys, each checked before use: accepted
# kernel: accept
# kernel-processed: 21
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r7 = r0
	*(u32 *)(r10 - 8) = 1
	r1 = vals ll
	r2 = r10
	r2 += -8
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u64 *)(r0 + 0)
	r2 = *(u64 *)(r7 + 0)
out:
	r0 = 2
	exit
