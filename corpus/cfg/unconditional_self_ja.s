# scenario: goto -1 followed by more code: the code after it is unreachable: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: unreachable insn 2
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	goto -1
	exit
