# scenario: 8-byte store at fp-12 (not 8-aligned): rejected (misaligned stack access)
	.section xdp
	*(u64 *)(r10 - 12) = 0
	r0 = 2
	exit
