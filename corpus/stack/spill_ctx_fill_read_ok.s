# scenario: 8-byte spill of the ctx at fp-16 and fill into r2, then a ctx read: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 16) = r1
	r2 = *(u64 *)(r10 - 16)
	r3 = *(u32 *)(r2 + 12)
	r0 = 2
	exit
