# scenario: 8-byte read of xdp_md->data: rejected (ctx fields are u32)
	.section xdp
	r2 = *(u64 *)(r1 + 0)
	r0 = 2
	exit
