# scenario: 1-byte stores and loads at odd offsets (fp-3, fp-7) are always aligned: accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	*(u8 *)(r10 - 3) = 1
	*(u8 *)(r10 - 7) = 2
	r1 = *(u8 *)(r10 - 3)
	r1 = *(u8 *)(r10 - 7)
	r0 = 2
	exit
