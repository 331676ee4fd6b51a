# scenario: goto +0 (a no-op jump) then exit: accepted
	.section xdp
	r0 = 2
	goto +0
	exit
