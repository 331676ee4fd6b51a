# scenario: a subprogram body placed after main's exit but never called: its instructions are unreachable: rejected
	.section xdp
	r0 = 2
	exit
helper:
	r0 = 0
	exit
