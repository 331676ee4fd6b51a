# scenario: bpf_map_lookup_elem with key = NULL: rejected (R2 type=scalar expected=...)
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	r1 = vals ll
	r2 = 0
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
