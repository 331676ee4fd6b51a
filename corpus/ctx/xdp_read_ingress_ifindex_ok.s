# scenario: read xdp_md->ingress_ifindex and return it: accepted
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	exit
