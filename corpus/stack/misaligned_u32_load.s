# scenario: 4-byte load at fp-6: rejected (misaligned stack access)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: misaligned stack access off 0+0+-6 size 4
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = *(u32 *)(r10 - 6)
	r0 = 2
	exit
