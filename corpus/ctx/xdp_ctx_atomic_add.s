# scenario: atomic add into xdp_md: atomics on the ctx are not allowed: rejected
	.section xdp
	r2 = 1
	lock *(u32 *)(r1 + 12) += w2
	r0 = 2
	exit
