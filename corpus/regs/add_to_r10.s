# scenario: r10 += -8: the frame pointer cannot be modified: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: frame pointer is read only
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r10 += -8
	r0 = 2
	exit
