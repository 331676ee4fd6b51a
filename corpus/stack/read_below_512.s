# scenario: 8-byte read at fp-520: rejected (invalid read from stack R10 off=-520 size=8)
	.section xdp
	r0 = *(u64 *)(r10 - 520)
	r0 = 2
	exit
