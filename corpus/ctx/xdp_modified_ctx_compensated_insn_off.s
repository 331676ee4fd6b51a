# scenario: r1 += 8 then a load at -8: the register offset is non-zero, so still rejected (modified ctx ptr)
	.section xdp
	r1 += 8
	r0 = *(u32 *)(r1 - 8)
	exit
