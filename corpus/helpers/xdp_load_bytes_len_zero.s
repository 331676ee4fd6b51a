# scenario: bpf_xdp_load_bytes with len 0 (ARG_CONST_SIZE must be non-zero): rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 4
# kernel-error: R4 invalid zero-sized read: u64=[0,0]
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r2 = 0
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_xdp_load_bytes
out:
	r0 = 2
	exit
