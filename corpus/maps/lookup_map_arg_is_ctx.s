# scenario: bpf_map_lookup_elem with R1 = ctx instead of a map: rejected (R1 type=ctx expected=map_ptr)
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	*(u32 *)(r10 - 4) = 0
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
