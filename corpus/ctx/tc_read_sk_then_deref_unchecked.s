# scenario: TC loads skb->sk (sock_common_or_null) and dereferences it without a null check: rejected
	.section tc
	r2 = *(u64 *)(r1 + 168)
	r0 = *(u32 *)(r2 + 4)
	exit
