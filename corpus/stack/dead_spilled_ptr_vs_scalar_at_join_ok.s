# scenario: fp-8 holds the ctx pointer on one branch and a scalar on the other; nothing reads it after the join, so the join prunes: accepted
# kernel: accept
# kernel-processed: 16
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
	r0 = r7
	r0 += r8
	r0 += r9
	r0 = 2
	exit
