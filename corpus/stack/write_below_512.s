# scenario: 8-byte store at fp-520: rejected (invalid write to stack R10 off=-520 size=8)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid write to stack R10 off=-520 size=8
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 520) = 0
	r0 = 2
	exit
