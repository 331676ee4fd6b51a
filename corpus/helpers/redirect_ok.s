# scenario: bpf_redirect(ifindex, 0) from XDP and return its result: accepted
	.section xdp
	r1 = 3
	r2 = 0
	call bpf_redirect
	exit
