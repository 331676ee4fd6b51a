# scenario: a static subprogram returns a pointer into its own frame: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 5
# kernel-error: cannot return stack pointer to the caller
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	call bad
	r0 = 2
	exit
bad:
	r0 = r10
	r0 += -8
	exit
