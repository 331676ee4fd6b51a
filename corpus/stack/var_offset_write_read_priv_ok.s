# scenario: store and load through fp-32 + (x & 8) (variable offset, privileged): accepted
# kernel: accept
# kernel-processed: 9
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	r2 &= 8
	r3 = r10
	r3 += -32
	r3 += r2
	*(u64 *)(r3 + 0) = 1
	r4 = *(u64 *)(r3 + 0)
	r0 = 2
	exit
