# scenario: spill the maybe-NULL value, check r0, fill and read: accepted
# kernel: accept
# kernel-processed: 12
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	*(u64 *)(r10 - 16) = r0
	if r0 == 0 goto out
	r3 = *(u64 *)(r10 - 16)
	r1 = *(u64 *)(r3 + 0)
out:
	r0 = 2
	exit
