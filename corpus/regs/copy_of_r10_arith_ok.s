# scenario: r1 = r10; r1 += -16; store through r1: arithmetic on a copy is fine: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r1 = r10
	r1 += -16
	*(u64 *)(r1 + 0) = 7
	r0 = *(u64 *)(r10 - 16)
	exit
