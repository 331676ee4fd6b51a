# scenario: a jump landing on the first slot of an ld_imm64: accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	if r0 == 1 goto load
	r0 = 1
	exit
load:
	r0 = 0x100000002 ll
	r0 &= 3
	exit
