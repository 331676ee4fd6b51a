# scenario: a jump landing on the second half of a 16-byte ld_imm64: rejected (jump into the middle of ldimm64 insn)
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: jump into the middle of ldimm64 insn 2
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	if r0 == 1 goto +1
	r2 = 0x1122334455667788 ll
	r0 = 2
	exit
