# scenario: for (i = 2 * (x & 0x7f); i != 512; i += 2): the tnum keeps i even, the exit is proven: accepted
# kernel: accept
# kernel-processed: 771
# kernel-version: 6.18.44
	.section xdp
	r1 = *(u32 *)(r1 + 16)
	r1 &= 0x7f
	r1 <<= 1
loop:
	r1 += 2
	if r1 != 512 goto loop
	r0 = 2
	exit
