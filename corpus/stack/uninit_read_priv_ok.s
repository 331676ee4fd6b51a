# scenario: 8-byte read of never-written fp-8, root loader: uninitialised stack is readable: accepted
	.section xdp
	r1 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
