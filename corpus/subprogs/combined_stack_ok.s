# scenario: main uses 256 bytes and the subprogram 192: combined within 512: accepted
	.section xdp
	*(u64 *)(r10 - 256) = 0
	call small
	r0 = 2
	exit
small:
	*(u64 *)(r10 - 192) = 0
	r0 = 0
	exit
