# scenario: bpf_loop callback returns 5: callbacks must return 0 or 1: rejected
	.section xdp
	r1 = 3
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r0 = 5
	exit
