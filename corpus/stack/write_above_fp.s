# scenario: 8-byte store at fp+8: rejected (invalid write to stack R10 off=8 size=8)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: invalid write to stack R10 off=8 size=8
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r1 = 1
	*(u64 *)(r10 + 8) = r1
	r0 = 2
	exit
