# scenario: TC program calls bpf_dynptr_from_xdp, a kfunc registered for XDP only: rejected (calling kernel function bpf_dynptr_from_xdp is not allowed)
	.section tc
	r2 = 0
	r3 = r10
	r3 += -16
	call bpf_dynptr_from_xdp
	r0 = 0
	exit
