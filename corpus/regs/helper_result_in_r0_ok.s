# scenario: bpf_ktime_get_ns's result in R0 is a readable scalar (shifted into an action): accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	call bpf_ktime_get_ns
	r0 >>= 62
	exit
