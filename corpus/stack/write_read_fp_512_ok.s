# scenario: store and load 8 bytes at fp-512, the deepest valid slot: accepted
	.section xdp
	*(u64 *)(r10 - 512) = 5
	r1 = *(u64 *)(r10 - 512)
	r0 = 2
	exit
