# scenario: bpf_xdp_load_bytes with len 32 into a buffer at fp-16: rejected (write past fp)
	.section xdp
	r2 = 0
	r3 = r10
	r3 += -16
	r4 = 32
	call bpf_xdp_load_bytes
out:
	r0 = 2
	exit
