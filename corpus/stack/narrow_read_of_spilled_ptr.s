# scenario: 4-byte read from a slot holding a spilled ctx pointer: rejected (invalid size of register fill)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: invalid size of register fill
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r1
	r2 = *(u32 *)(r10 - 8)
	r0 = 2
	exit
