# scenario: TC reads skb->len (offset 0): accepted
	.section tc
	r0 = *(u32 *)(r1 + 0)
	exit
