# scenario: store and load 8 bytes at fp-512, the deepest valid slot: accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 512) = 5
	r1 = *(u64 *)(r10 - 512)
	r0 = 2
	exit
