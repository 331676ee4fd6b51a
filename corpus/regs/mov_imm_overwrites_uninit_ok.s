# scenario: writing an uninitialised register before reading it (r4 = 0; r4 += 1): accepted
	.section xdp
	r4 = 0
	r4 += 1
	r0 = r4
	exit
