# scenario: goto +10 from insn 0 in a 3-insn program: rejected (jump out of range)
	.section xdp
	goto +10
	r0 = 2
	exit
