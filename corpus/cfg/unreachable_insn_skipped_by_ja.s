# scenario: goto +1 skips an instruction no other edge reaches: rejected (unreachable insn 1)
	.section xdp
	goto +1
	r0 = 1
	r0 = 2
	exit
