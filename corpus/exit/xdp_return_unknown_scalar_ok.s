# scenario: XDP returns the unknown u64 from bpf_ktime_get_ns as its action: accepted
	.section xdp
	call bpf_ktime_get_ns
	exit
