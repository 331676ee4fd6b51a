# scenario: TC stores into skb->data: rejected
	.section tc
	r2 = 0
	*(u32 *)(r1 + 76) = r2
	r0 = 0
	exit
