# scenario: bpf_ct_release(fp-8): rejected (must point to scalar)
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = r10
	r1 += -8
	call bpf_ct_release
	r0 = 2
	exit
