# scenario: loading into r10 from the stack: rejected (frame pointer is read only)
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r10 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
