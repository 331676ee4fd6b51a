# scenario: r1 = atomic_fetch_add((u64 *)(fp-8), r1) on an initialised slot: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 1
	r1 = 2
	r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
	r0 = 2
	exit
