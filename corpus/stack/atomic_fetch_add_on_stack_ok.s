# scenario: r1 = atomic_fetch_add((u64 *)(fp-8), r1) on an initialised slot: accepted
	.section xdp
	*(u64 *)(r10 - 8) = 1
	r1 = 2
	r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
	r0 = 2
	exit
