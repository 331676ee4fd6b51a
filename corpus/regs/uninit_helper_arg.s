# scenario: bpf_map_lookup_elem with R2 (key pointer) never set: rejected (R2 !read_ok)
	.section xdp
	.map m, type=hash, key=4, value=8, entries=4
	r1 = m ll
	call bpf_map_lookup_elem
	r0 = 2
	exit
