# scenario: r1 += 4 then a load at +0: rejected (dereference of modified ctx ptr R1 off=4 disallowed)
	.section xdp
	r1 += 4
	r0 = *(u32 *)(r1 + 0)
	exit
