# scenario: bpf_ct_release(4096): a non-zero scalar where an nf_conn is expected: rejected (must point to scalar)
	.section xdp
	r1 = 4096
	call bpf_ct_release
	r0 = 2
	exit
