# scenario: main -> f -> g, g reads main's fp-8 through the pointer passed down: live at main's join through two instances: no pruning
# kernel: accept
# kernel-processed: 30
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
	r0 = 2
	exit
f:
	call g
	r0 = 0
	exit
g:
	r2 = *(u64 *)(r1 + 0)
	r0 = 0
	exit
