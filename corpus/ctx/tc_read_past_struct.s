# scenario: TC reads at offset 400 of __sk_buff: rejected
	.section tc
	r0 = *(u32 *)(r1 + 400)
	exit
