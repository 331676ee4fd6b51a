# scenario: 1-byte store at fp-513: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid write to stack R10 off=-513 size=1
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u8 *)(r10 - 513) = 5
	r0 = 2
	exit
