# scenario: 2-byte read of rx_queue_index: xdp_md allows only full 4-byte reads: rejected
	.section xdp
	r0 = *(u16 *)(r1 + 16)
	exit
