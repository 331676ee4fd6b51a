# scenario: 8-byte store at fp-12 (not 8-aligned): rejected (misaligned stack access)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: misaligned stack access off 0+0+-12 size 8
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 12) = 0
	r0 = 2
	exit
