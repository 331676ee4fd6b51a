# scenario: read at ctx - 4: rejected
	.section xdp
	r0 = *(u32 *)(r1 - 4)
	exit
