# scenario: r1 = fp - 496, then a store at r1 - 24 (fp-520): rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: invalid write to stack R1 off=-520 size=8
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r1 = r10
	r1 += -496
	*(u64 *)(r1 - 24) = 0
	r0 = 2
	exit
