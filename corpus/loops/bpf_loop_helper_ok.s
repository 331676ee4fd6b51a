# scenario: bpf_loop(100, cb, NULL, 0) with a callback returning 0: accepted
# kernel: accept
# kernel-processed: 10
# kernel-version: 6.18.44
	.section xdp
	r1 = 100
	r2 = cb ll
	r3 = 0
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r0 = 0
	exit
