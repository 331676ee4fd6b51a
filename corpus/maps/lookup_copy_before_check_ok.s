# scenario: r7 = r0 before the check, check r0, read through r7: accepted
# kernel: accept
# kernel-processed: 11
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
	r7 = r0
	if r0 == 0 goto out
	r1 = *(u32 *)(r7 + 0)
out:
	r0 = 2
	exit
