# scenario: fp-8 differs at the join (ctx vs scalar); after it two 4-byte stores overwrite the slot before an 8-byte read: partial writes do not kill the slot, so it stays live and the join does not prune: accepted
# kernel: accept
# kernel-processed: 24
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
	*(u32 *)(r10 - 8) = 0
	*(u32 *)(r10 - 4) = 0
	r1 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
