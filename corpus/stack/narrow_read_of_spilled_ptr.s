# scenario: 4-byte read from a slot holding a spilled ctx pointer: rejected (invalid size of register fill)
	.section xdp
	*(u64 *)(r10 - 8) = r1
	r2 = *(u32 *)(r10 - 8)
	r0 = 2
	exit
