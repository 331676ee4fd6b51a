# scenario: TC returns a stack pointer for an unprivileged loader: rejected (R0 leaks addr)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: R0 leaks addr as return value
# kernel-processed: 3
# kernel-version: 6.18.44
	.section tc
	r0 = r10
	r0 += -8
	exit
