# scenario: main -> f -> g, g always writes main's fp-8 through the pointer passed down: the write reaches main's call site through two instances, fp-8 is dead at the join: accepted
# kernel: accept
# kernel-processed: 23
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
	call f
	r0 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
f:
	call g
	r0 = 0
	exit
g:
	r2 = 7
	*(u64 *)(r1 + 0) = r2
	r0 = 0
	exit
