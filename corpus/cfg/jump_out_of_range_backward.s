# scenario: goto -5 from insn 1: target -3 is before the program: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: jump out of range from insn 1 to -3
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	goto -5
	exit
