# scenario: spilling r10 itself into the stack and filling it back: accepted
	.section xdp
	*(u64 *)(r10 - 8) = r10
	r1 = *(u64 *)(r10 - 8)
	r0 = *(u64 *)(r1 - 8)
	r0 = 2
	exit
