# scenario: bpf_xdp_load_bytes with len 0 (ARG_CONST_SIZE must be non-zero): rejected
	.section xdp
	r2 = 0
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_xdp_load_bytes
out:
	r0 = 2
	exit
