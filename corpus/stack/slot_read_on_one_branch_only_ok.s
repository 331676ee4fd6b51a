# scenario: fp-8 differs at the join (ctx vs scalar) and is read on one branch after it only: still live at the join, no pruning there: accepted
# kernel: accept
# kernel-processed: 24
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	r9 = 3
	call bpf_get_prandom_u32
	r5 = r0
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = r6
	goto join
other:
	r1 = 42
	*(u64 *)(r10 - 8) = r1
join:
	r0 = r7
	r0 += r8
	if r5 > 3 goto out
	r1 = *(u64 *)(r10 - 8)
out:
	r0 = 2
	exit
