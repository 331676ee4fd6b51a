# scenario: CGROUP_SKB returns 5: rejected (should have been in [0, 1])
	.section cgroup_skb/ingress
	r0 = 5
	exit
