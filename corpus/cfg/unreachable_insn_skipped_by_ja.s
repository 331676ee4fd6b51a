# scenario: goto +1 skips an instruction no other edge reaches: rejected (unreachable insn 1)
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: unreachable insn 1
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	goto +1
	r0 = 1
	r0 = 2
	exit
