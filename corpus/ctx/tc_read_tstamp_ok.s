# scenario: TC reads the 8-byte skb->tstamp (offset 152): accepted
	.section tc
	r0 = *(u64 *)(r1 + 152)
	exit
