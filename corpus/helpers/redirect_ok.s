# scenario: bpf_redirect(ifindex, 0) from XDP and return its result: accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	r1 = 3
	r2 = 0
	call bpf_redirect
	exit
