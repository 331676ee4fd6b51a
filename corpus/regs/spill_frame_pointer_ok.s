# scenario: spilling r10 itself into the stack and filling it back: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r10
	r1 = *(u64 *)(r10 - 8)
	r0 = *(u64 *)(r1 - 8)
	r0 = 2
	exit
