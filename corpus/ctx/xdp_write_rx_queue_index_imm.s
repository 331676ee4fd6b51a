# scenario: immediate store into xdp_md->rx_queue_index: rejected
	.section xdp
	*(u32 *)(r1 + 16) = 1
	r0 = 2
	exit
