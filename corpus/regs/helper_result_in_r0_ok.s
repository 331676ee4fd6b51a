# scenario: bpf_ktime_get_ns's result in R0 is a readable scalar (shifted into an action): accepted
	.section xdp
	call bpf_ktime_get_ns
	r0 >>= 62
	exit
