# scenario: r1 = r10; r1 += -16; store through r1: arithmetic on a copy is fine: accepted
	.section xdp
	r1 = r10
	r1 += -16
	*(u64 *)(r1 + 0) = 7
	r0 = *(u64 *)(r10 - 16)
	exit
