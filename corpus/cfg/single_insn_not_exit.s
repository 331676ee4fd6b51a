# scenario: a one-instruction program 'r0 = 2' with no exit: rejected (last insn is not an exit or jmp)
	.section xdp
	r0 = 2
