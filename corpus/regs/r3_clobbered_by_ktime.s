# scenario: r3 set before bpf_ktime_get_ns and used after it: rejected (R3 !read_ok)
	.section xdp
	r3 = 5
	call bpf_ktime_get_ns
	r0 += r3
	exit
