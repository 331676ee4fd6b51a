# scenario: XDP returns 100 (no such action): the verifier does not check: accepted
	.section xdp
	r0 = 100
	exit
