# scenario: 4-byte load at fp-6: rejected (misaligned stack access)
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = *(u32 *)(r10 - 6)
	r0 = 2
	exit
