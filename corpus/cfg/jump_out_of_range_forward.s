# scenario: goto +10 from insn 0 in a 3-insn program: rejected (jump out of range)
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: jump out of range from insn 0 to 11
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	goto +10
	r0 = 2
	exit
