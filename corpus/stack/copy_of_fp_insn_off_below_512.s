# scenario: r1 = fp - 496, then a store at r1 - 24 (fp-520): rejected
	.section xdp
	r1 = r10
	r1 += -496
	*(u64 *)(r1 - 24) = 0
	r0 = 2
	exit
