# scenario: 4-byte read of xdp_md->data (offset 0) gives a packet pointer: accepted
	.section xdp
	r2 = *(u32 *)(r1 + 0)
	r0 = 2
	exit
