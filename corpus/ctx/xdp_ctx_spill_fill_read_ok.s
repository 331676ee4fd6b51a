# scenario: spill the ctx to fp-8, fill it into r3 and read ingress_ifindex: accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r1
	r3 = *(u64 *)(r10 - 8)
	r0 = *(u32 *)(r3 + 12)
	exit
