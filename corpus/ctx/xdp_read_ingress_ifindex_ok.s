# scenario: read xdp_md->ingress_ifindex and return it: accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	exit
