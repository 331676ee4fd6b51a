# scenario: a conditional jump over a 16-byte ld_imm64 to the next instruction: accepted
# kernel: accept
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	if r0 == 1 goto skip
	r2 = 0x1122334455667788 ll
	r0 = r2
skip:
	r0 = 2
	exit
