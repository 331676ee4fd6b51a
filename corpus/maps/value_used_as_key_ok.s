# scenario: the first lookup's value (4 bytes) is used as the key of a second lookup: accepted
# kernel: accept
# kernel-processed: 17
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r2 = r0
	r1 = vals ll
	call bpf_map_lookup_elem
	if r0 == 0 goto out
	r1 = *(u8 *)(r0 + 7)
out:
	r0 = 2
	exit
