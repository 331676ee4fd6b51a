# scenario: CGROUP_SKB returns skb->len & 1, provably in [0, 1]: accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section cgroup_skb/ingress
	r0 = *(u32 *)(r1 + 0)
	r0 &= 1
	exit
