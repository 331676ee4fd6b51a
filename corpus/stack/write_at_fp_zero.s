# scenario: 1-byte store at fp+0 (just above the frame): rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid write to stack R10 off=0 size=1
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u8 *)(r10 + 0) = 1
	r0 = 2
	exit
