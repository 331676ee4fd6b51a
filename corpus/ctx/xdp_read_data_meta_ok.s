# scenario: 4-byte read of xdp_md->data_meta (offset 8): accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 8)
	r0 = 2
	exit
