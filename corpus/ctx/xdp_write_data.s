# scenario: store into xdp_md->data: xdp_md is read-only: rejected (invalid bpf_context access)
	.section xdp
	r2 = 0
	*(u32 *)(r1 + 0) = r2
	r0 = 2
	exit
