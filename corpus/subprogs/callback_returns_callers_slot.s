# scenario: a bpf_loop callback returns the caller's fp-8 (0 on one branch, ctx on the other): precision of its R0 is backtracked into the caller's stack slot; fp-8 is live at the join through the callback's read, so the ctx branch is explored: R0 not a scalar value
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 19
# kernel-error: R0 not a scalar value
# kernel-processed: 30
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	r9 = 3
	call bpf_get_prandom_u32
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = 0
	goto join
other:
	*(u64 *)(r10 - 8) = r6
join:
	r1 = 1
	r2 = cb ll
	r3 = r10
	r3 += -8
	r4 = 0
	call bpf_loop
	r0 = 2
	exit
cb:
	r0 = *(u64 *)(r2 + 0)
	exit
