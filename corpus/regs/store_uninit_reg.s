# scenario: *(u64 *)(r10 - 8) = r3 with R3 never written: rejected (R3 !read_ok)
	.section xdp
	*(u64 *)(r10 - 8) = r3
	r0 = 2
	exit
