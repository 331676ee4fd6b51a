# scenario: TC returns a stack pointer (privileged): accepted
	.section tc
	r0 = r10
	r0 += -8
	exit
