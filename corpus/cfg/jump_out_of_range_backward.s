# scenario: goto -5 from insn 1: target -3 is before the program: rejected
	.section xdp
	r0 = 2
	goto -5
	exit
