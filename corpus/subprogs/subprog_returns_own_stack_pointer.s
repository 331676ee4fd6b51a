# scenario: a static subprogram returns a pointer into its own frame: rejected
	.section xdp
	call bad
	r0 = 2
	exit
bad:
	r0 = r10
	r0 += -8
	exit
