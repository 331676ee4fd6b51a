# scenario: load through R7 which was never written: rejected (R7 !read_ok)
	.section xdp
	r0 = *(u32 *)(r7 + 0)
	exit
