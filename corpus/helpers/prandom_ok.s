# scenario: bpf_get_prandom_u32 result returned (masked) as the action: accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	call bpf_get_prandom_u32
	r0 &= 3
	exit
