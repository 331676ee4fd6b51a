# scenario: 4-byte read at offset 2 of xdp_md: rejected
	.section xdp
	r0 = *(u32 *)(r1 + 2)
	exit
