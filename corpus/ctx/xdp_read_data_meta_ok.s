# scenario: 4-byte read of xdp_md->data_meta (offset 8): accepted
	.section xdp
	r2 = *(u32 *)(r1 + 8)
	r0 = 2
	exit
