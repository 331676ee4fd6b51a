# scenario: 2-byte store at fp-3: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: misaligned stack access off 0+0+-3 size 2
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u16 *)(r10 - 3) = 1
	r0 = 2
	exit
