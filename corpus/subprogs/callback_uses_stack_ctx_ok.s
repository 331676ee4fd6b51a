# scenario: bpf_loop with an unknown count; the callback increments a counter in the caller's stack: accepted
# kernel: accept
# kernel-processed: 24
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = *(u32 *)(r1 + 16)
	r1 &= 15
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r0 = *(u64 *)(r10 - 8)
	exit
cb:
	r3 = *(u64 *)(r2 + 0)
	r3 += 1
	*(u64 *)(r2 + 0) = r3
	r0 = 0
	exit
