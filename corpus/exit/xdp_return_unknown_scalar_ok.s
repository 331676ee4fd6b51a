# scenario: XDP returns the unknown u64 from bpf_ktime_get_ns as its action: accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	call bpf_ktime_get_ns
	exit
