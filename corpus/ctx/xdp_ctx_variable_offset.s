# scenario: ctx + (rx_queue_index & 4) then a load: rejected (variable ctx access)
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	r2 &= 4
	r1 += r2
	r0 = *(u32 *)(r1 + 0)
	exit
