# scenario: main passes a constant to f, which branches on it: the precision of f's r1 is backtracked through the call into main's r1 and r9 (per-frame masks); fp-8 (ctx or a scalar) is dead after the call, so f's entry prunes the second call: accepted
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
	r1 = 42
	*(u64 *)(r10 - 8) = r1
join:
	r1 = r7
	call f
	r0 = 2
	exit
f:
	r0 = r1
	r0 += 1
	if r0 > 10 goto big
	r0 = 0
big:
	exit
