# scenario: TC calls bpf_xdp_adjust_head: rejected (not available for SCHED_CLS)
	.section tc
	r2 = 4
	call bpf_xdp_adjust_head
out:
	r0 = 2
	exit
