# scenario: TC returns a stack pointer (privileged): accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section tc
	r0 = r10
	r0 += -8
	exit
