# scenario: 2-byte store at fp-3: rejected
	.section xdp
	*(u16 *)(r10 - 3) = 1
	r0 = 2
	exit
