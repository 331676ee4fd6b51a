# scenario: bpf_xdp_load_bytes(ctx, 0, fp-16, 16) into a stack buffer, then read it: accepted
# kernel: accept
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	r2 = 0
	r3 = r10
	r3 += -16
	r4 = 16
	call bpf_xdp_load_bytes
	r1 = *(u64 *)(r10 - 16)
out:
	r0 = 2
	exit
