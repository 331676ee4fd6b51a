# scenario: 8-byte read of never-written fp-8, root loader: uninitialised stack is readable: accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r1 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
