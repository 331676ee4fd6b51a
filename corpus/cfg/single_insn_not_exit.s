# scenario: a one-instruction program 'r0 = 2' with no exit: rejected (last insn is not an exit or jmp)
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: last insn is not an exit or jmp
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
