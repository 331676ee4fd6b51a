# scenario: the callback spills a constant over the caller's fp-16, which held misc bytes when bpf_loop was first reached: with RANGE_WITHIN (the callback's return to the call) the slot types must match byte for byte, so the return is not pruned and the loop ends by its iteration limit: accepted
# kernel: accept
# kernel-processed: 18
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	call bpf_get_prandom_u32
	r7 = r0
	*(u64 *)(r10 - 16) = r7
	*(u32 *)(r10 - 12) = 1
	r1 = 1
	r2 = cb ll
	r3 = r10
	r3 += -16
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r5 = 1
	*(u64 *)(r2 + 0) = r5
	r0 = 0
	exit
