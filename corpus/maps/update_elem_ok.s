# scenario: bpf_map_update_elem with key and value on the stack: accepted
# kernel: accept
# kernel-processed: 11
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 1
	*(u64 *)(r10 - 16) = 7
	r1 = vals ll
	r2 = r10
	r2 += -4
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_map_update_elem
out:
	r0 = 2
	exit
