# scenario: bpf_get_prandom_u32 result returned (masked) as the action: accepted
	.section xdp
	call bpf_get_prandom_u32
	r0 &= 3
	exit
