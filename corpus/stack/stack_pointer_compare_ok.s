# scenario: comparing a stack pointer with a constant (privileged): accepted
	.section xdp
	r1 = r10
	r1 += -8
	if r1 == 0 goto +0
	r0 = 2
	exit
