# scenario: bpf_map_delete_elem with a stack key: accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 3
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_delete_elem
out:
	r0 = 2
	exit
