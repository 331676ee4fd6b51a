# scenario: atomic add to an initialised stack slot: accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 1
	r1 = 2
	lock *(u64 *)(r10 - 8) += r1
	r2 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
