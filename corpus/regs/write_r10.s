# scenario: r10 = 0: rejected (frame pointer is read only)
	.section xdp
	r10 = 0
	r0 = 2
	exit
