# scenario: read at offset 100 of xdp_md: rejected
	.section xdp
	r0 = *(u32 *)(r1 + 100)
	exit
