# scenario: bpf_loop callback returns its stack frame pointer: rejected (not a scalar)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 9
# kernel-error: cannot return stack pointer to the caller
# kernel-processed: 9
# kernel-version: 6.18.44
	.section xdp
	r1 = 3
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r0 = r10
	exit
