# scenario: XDP returns -1: XDP has no return-range check on 6.18: accepted
	.section xdp
	r0 = -1
	exit
