# scenario: bpf_loop callback returns its stack frame pointer: rejected (not a scalar)
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
