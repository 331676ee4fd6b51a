# scenario: a variable-offset read covering fp-16..fp-8 keeps both slots live: the join does not prune
# kernel: accept
# kernel-processed: 28
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	call bpf_get_prandom_u32
	r5 = r0
	*(u64 *)(r10 - 8) = 0
	if r0 > 7 goto other
	*(u64 *)(r10 - 16) = 1
	goto join
other:
	*(u64 *)(r10 - 16) = 2
join:
	r0 = r7
	r0 += r8
	r5 &= 8
	r1 = r10
	r1 += -16
	r1 += r5
	r0 = *(u64 *)(r1 + 0)
	r0 = 2
	exit
