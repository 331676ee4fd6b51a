# scenario: goto -1 followed by more code: the code after it is unreachable: rejected
	.section xdp
	r0 = 2
	goto -1
	exit
