# scenario: r5 = -r5 on an uninitialised register: rejected
	.section xdp
	r5 = -r5
	r0 = 2
	exit
