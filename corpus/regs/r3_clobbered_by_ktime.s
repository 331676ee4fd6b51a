# scenario: r3 set before bpf_ktime_get_ns and used after it: rejected (R3 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: R3 !read_ok
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r3 = 5
	call bpf_ktime_get_ns
	r0 += r3
	exit
