# scenario: r10 = 0: rejected (frame pointer is read only)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: frame pointer is read only
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r10 = 0
	r0 = 2
	exit
