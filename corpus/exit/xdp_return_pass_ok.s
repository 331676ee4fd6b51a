# scenario: XDP returns XDP_PASS (2): accepted
	.section xdp
	r0 = 2
	exit
