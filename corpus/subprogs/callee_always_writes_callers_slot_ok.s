# scenario: a static subprogram always writes the caller's fp-8 through its argument, so fp-8 is dead before the call and the join before it prunes (must_write_acc): accepted
# kernel: accept
# kernel-processed: 20
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	r9 = 3
	call bpf_get_prandom_u32
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = r6
	goto join
other:
	*(u64 *)(r10 - 8) = 0
join:
	r1 = r10
	r1 += -8
	call writer
	r0 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
writer:
	r2 = 1
	*(u64 *)(r1 + 0) = r2
	r0 = 0
	exit
