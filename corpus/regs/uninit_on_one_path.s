# scenario: R2 is written only when ingress_ifindex is 1, then read after the join: rejected on the other path
	.section xdp
	r3 = *(u32 *)(r1 + 12)
	if r3 != 1 goto join
	r2 = 5
join:
	r0 = r2
	exit
