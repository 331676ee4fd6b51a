# scenario: spill the constant 0, fill it, if r1 != 0 leads to a scalar deref that is never walked: accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	r1 = *(u64 *)(r10 - 8)
	if r1 != 0 goto bad
	r0 = 2
	exit
bad:
	r0 = *(u8 *)(r1 + 0)
	r0 = 2
	exit
