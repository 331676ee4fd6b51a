# scenario: two bpf_ktime_get_ns calls and a subtraction: accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	call bpf_ktime_get_ns
	r6 = r0
	call bpf_ktime_get_ns
	r0 -= r6
out:
	r0 = 2
	exit
