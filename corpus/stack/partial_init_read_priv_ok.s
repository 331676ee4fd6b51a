# scenario: write 4 bytes at fp-8, read 8 bytes: privileged: accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	*(u32 *)(r10 - 8) = 1
	r1 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
