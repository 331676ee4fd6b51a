# scenario: 8-byte store at fp-520: rejected (invalid write to stack R10 off=-520 size=8)
	.section xdp
	*(u64 *)(r10 - 520) = 0
	r0 = 2
	exit
