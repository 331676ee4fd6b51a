# scenario: read xdp_md->egress_ifindex from a plain XDP program (only devmap programs may): rejected (invalid bpf_context access)
	.section xdp
	r0 = *(u32 *)(r1 + 20)
	exit
