# scenario: 32-bit store of the ctx pointer to the stack: rejected (invalid size of register spill)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid size of register spill
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u32 *)(r10 - 8) = r1
	r0 = 2
	exit
