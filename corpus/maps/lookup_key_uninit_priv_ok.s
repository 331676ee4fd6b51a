# scenario: lookup with a never-written stack key, root loader: accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	.map vals, type=hash, key=4, value=8, entries=16
	r1 = vals ll
	r2 = r10
	r2 += -4
	call bpf_map_lookup_elem
out:
	r0 = 2
	exit
