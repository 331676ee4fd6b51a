# scenario: r0 = 2; if r0 == 2 goto back to the assignment: the exit is dead code in practice; rejected (infinite loop detected)
	.section xdp
top:
	r0 = 2
	if r0 == 2 goto top
	exit
