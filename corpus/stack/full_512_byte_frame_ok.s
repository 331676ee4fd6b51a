# scenario: touch both ends of the 512-byte frame (fp-8 and fp-512) and read them back: accepted
	.section xdp
	*(u64 *)(r10 - 8) = 1
	*(u64 *)(r10 - 512) = 2
	r1 = *(u64 *)(r10 - 8)
	r2 = *(u64 *)(r10 - 512)
	r1 += r2
	r0 = 2
	exit
