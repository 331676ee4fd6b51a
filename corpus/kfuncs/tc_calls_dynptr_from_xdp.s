# scenario: TC program calls bpf_dynptr_from_xdp, a kfunc registered for XDP only: rejected (calling kernel function bpf_dynptr_from_xdp is not allowed)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: calling kernel function bpf_dynptr_from_xdp is not allowed
# kernel-processed: 4
# kernel-version: 6.18.44
	.section tc
	r2 = 0
	r3 = r10
	r3 += -16
	call bpf_dynptr_from_xdp
	r0 = 0
	exit
