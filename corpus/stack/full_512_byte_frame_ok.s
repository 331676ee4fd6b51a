# scenario: touch both ends of the 512-byte frame (fp-8 and fp-512) and read them back: accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 1
	*(u64 *)(r10 - 512) = 2
	r1 = *(u64 *)(r10 - 8)
	r2 = *(u64 *)(r10 - 512)
	r1 += r2
	r0 = 2
	exit
