# scenario: TC reads the low byte of skb->len (narrow ctx load): accepted
	.section tc
	r0 = *(u8 *)(r1 + 0)
	exit
