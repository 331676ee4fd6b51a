# scenario: an instruction after the only exit that no jump reaches: rejected (unreachable insn 2)
	.section xdp
	r0 = 2
	exit
	r0 = 1
	exit
