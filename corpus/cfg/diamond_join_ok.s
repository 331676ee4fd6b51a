# scenario: if/else diamond joining before a single exit: accepted
# kernel: accept
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 12)
	if r2 > 10 goto big
	r0 = 1
	goto join
big:
	r0 = 2
join:
	exit
