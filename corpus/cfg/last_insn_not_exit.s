# scenario: the last instruction is a mov, so execution could fall off the end: rejected
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	if r0 == 0 goto +1
	exit
	r0 = 2
