# scenario: r10 += -8: the frame pointer cannot be modified: rejected
	.section xdp
	r10 += -8
	r0 = 2
	exit
