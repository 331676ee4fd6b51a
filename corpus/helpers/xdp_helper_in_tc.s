# scenario: TC calls bpf_xdp_adjust_head: rejected (not available for SCHED_CLS)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 1
# kernel-error: program of this type cannot use helper bpf_xdp_adjust_head#44
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r2 = 4
	call bpf_xdp_adjust_head
out:
	r0 = 2
	exit
