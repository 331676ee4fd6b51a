# scenario: a global subprogram whose argument is the program ctx is called with a stack pointer: rejected (caller passes invalid args)
# kernel: accept
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	.subprog gsub global
	r1 = r10
	r1 += -8
	*(u64 *)(r10 - 8) = 0
	call gsub
	r0 = 2
	exit
gsub:
	r0 = 0
	exit
