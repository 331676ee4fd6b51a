# scenario: loading into r10 from the stack: rejected (frame pointer is read only)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: frame pointer is read only
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r10 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
