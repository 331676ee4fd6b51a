# scenario: main uses 256 bytes and the subprogram 192: combined within 512: accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 256) = 0
	call small
	r0 = 2
	exit
small:
	*(u64 *)(r10 - 192) = 0
	r0 = 0
	exit
