# scenario: 1-byte store at fp+0 (just above the frame): rejected
	.section xdp
	*(u8 *)(r10 + 0) = 1
	r0 = 2
	exit
