# scenario: comparing a stack pointer with a constant (privileged): accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	r1 = r10
	r1 += -8
	if r1 == 0 goto +0
	r0 = 2
	exit
