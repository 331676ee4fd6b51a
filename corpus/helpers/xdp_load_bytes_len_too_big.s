# scenario: bpf_xdp_load_bytes with len 32 into a buffer at fp-16: rejected (write past fp)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 4
# kernel-error: invalid write to stack R3 off=-16 size=32
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r2 = 0
	r3 = r10
	r3 += -16
	r4 = 32
	call bpf_xdp_load_bytes
out:
	r0 = 2
	exit
