# scenario: bpf_ct_release(ctx): rejected (max struct nesting depth exceeded / must point to scalar)
	.section xdp
	call bpf_ct_release
	r0 = 2
	exit
