# scenario: CGROUP_SKB returns skb->len (unknown u32): rejected (range check)
	.section cgroup_skb/ingress
	r0 = *(u32 *)(r1 + 0)
	exit
