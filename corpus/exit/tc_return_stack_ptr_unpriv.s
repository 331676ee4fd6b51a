# scenario: TC returns a stack pointer for an unprivileged loader: rejected (R0 leaks addr)
# profile: unprivileged
	.section tc
	r0 = r10
	r0 += -8
	exit
