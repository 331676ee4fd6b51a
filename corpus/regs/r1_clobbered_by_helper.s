# scenario: reading R1 after bpf_get_prandom_u32: rejected (R1 !read_ok)
	.section xdp
	call bpf_get_prandom_u32
	r0 = r1
	exit
