# scenario: 8-byte read at fp-520: rejected (invalid read from stack R10 off=-520 size=8)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid read from stack R10 off=-520 size=8
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u64 *)(r10 - 520)
	r0 = 2
	exit
