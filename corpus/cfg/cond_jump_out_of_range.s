# scenario: conditional jump to past the end: rejected (jump out of range)
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	if r0 > 3 goto +4
	r0 = 2
	exit
