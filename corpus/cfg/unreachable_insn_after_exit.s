# scenario: an instruction after the only exit that no jump reaches: rejected (unreachable insn 2)
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: unreachable insn 2
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	exit
	r0 = 1
	exit
