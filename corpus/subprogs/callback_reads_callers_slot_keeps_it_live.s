# scenario: a bpf_loop callback reads the caller's fp-8, which is 0 on one branch and ctx on the other: the callback's read makes fp-8 live at the join, so the ctx branch is explored and its pointer multiplication rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 19
# kernel-error: R3 pointer arithmetic with *= operator prohibited
# kernel-processed: 32
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
	r3 = *(u64 *)(r2 + 0)
	r3 *= 3
	r0 = 0
	exit
