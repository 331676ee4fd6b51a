# scenario: store through fp-8 + (x & 8): the maximum offset lands at fp+0: rejected
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	r2 &= 8
	r3 = r10
	r3 += -8
	r3 += r2
	*(u64 *)(r3 + 0) = 1
	r0 = 2
	exit
