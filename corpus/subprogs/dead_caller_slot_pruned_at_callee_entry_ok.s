# scenario: main's fp-8 holds ctx or a scalar when it calls f and is not read after the call: dead in main's frame (live after the call site) at f's entry, where the second call is pruned: accepted
# kernel: accept
# kernel-processed: 23
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	call bpf_get_prandom_u32
	r9 = r0
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = r6
	goto join
other:
	r1 = 42
	*(u64 *)(r10 - 8) = r1
join:
	r1 = r9
	call f
	r0 = 2
	exit
f:
	r0 = r1
	r0 += 1
	if r0 > 5 goto big
	r0 = 0
big:
	exit
