# scenario: 32-bit store of the ctx pointer to the stack: rejected (invalid size of register spill)
	.section xdp
	*(u32 *)(r10 - 8) = r1
	r0 = 2
	exit
