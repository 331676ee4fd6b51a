# scenario: read through r1 after bpf_get_prandom_u32 clobbered it: rejected (R1 !read_ok)
	.section xdp
	call bpf_get_prandom_u32
	r0 = *(u32 *)(r1 + 16)
	exit
