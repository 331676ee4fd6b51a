# scenario: spill a stack pointer (fp-32), fill it, store through it: accepted
# kernel: accept
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	r1 = r10
	r1 += -32
	*(u64 *)(r10 - 8) = r1
	r2 = *(u64 *)(r10 - 8)
	*(u64 *)(r2 + 0) = 1
	r3 = *(u64 *)(r10 - 32)
	r0 = 2
	exit
