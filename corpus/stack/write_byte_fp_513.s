# scenario: 1-byte store at fp-513: rejected
	.section xdp
	*(u8 *)(r10 - 513) = 5
	r0 = 2
	exit
