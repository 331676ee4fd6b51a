# scenario: R2 is written on both sides of a branch before use: accepted
# kernel: accept
# kernel-processed: 9
# kernel-version: 6.18.44
	.section xdp
	r3 = *(u32 *)(r1 + 12)
	if r3 != 1 goto other
	r2 = 5
	goto join
other:
	r2 = 6
join:
	r0 = r2
	exit
