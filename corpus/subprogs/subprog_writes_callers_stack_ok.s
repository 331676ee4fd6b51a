# scenario: main passes fp-16 to a static subprogram that stores through it; main reads it back: accepted
# kernel: accept
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	r1 = r10
	r1 += -16
	call fill
	r0 = *(u64 *)(r10 - 16)
	exit
fill:
	*(u64 *)(r1 + 0) = 9
	r0 = 0
	exit
