# scenario: a subprogram body placed after main's exit but never called: its instructions are unreachable: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: unreachable insn 2
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	exit
helper:
	r0 = 0
	exit
