# scenario: 8-byte read of skb->data (a u32 field): rejected
	.section tc
	r2 = *(u64 *)(r1 + 76)
	r0 = 0
	exit
