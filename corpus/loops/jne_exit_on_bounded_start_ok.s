# scenario: for (i = x & 0xff; i != 256; i++): the verifier walks every possible start value and proves the exit: accepted
# kernel: accept
# kernel-processed: 1026
# kernel-version: 6.18.44
	.section xdp
	r1 = *(u32 *)(r1 + 12)
	r1 &= 0xff
loop:
	r1 += 1
	if r1 != 256 goto loop
	r0 = 2
	exit
