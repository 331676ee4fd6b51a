# scenario: bpf_map_lookup_elem with R2 (key pointer) never set: rejected (R2 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: R2 !read_ok
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	.map m, type=hash, key=4, value=8, entries=4
	r1 = m ll
	call bpf_map_lookup_elem
	r0 = 2
	exit
