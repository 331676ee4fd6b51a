# scenario: atomic add on a stack slot reads and writes it at once: live before
# kernel: accept
# kernel-processed: 15
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	call bpf_get_prandom_u32
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = 1
	goto join
other:
	*(u64 *)(r10 - 8) = 2
join:
	r0 = r7
	r0 += r8
	r1 = 1
	lock *(u64 *)(r10 - 8) += r1
	r0 = 2
	exit
