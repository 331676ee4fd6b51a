# scenario: generated seed=2 index=2
# kernel: accept
# kernel-processed: 36
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-88), check(==), fill(r8), release, release, branch
	.section tc
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
	*(u64 *)(r10 - 56) = 0
	*(u64 *)(r10 - 64) = 0
	*(u32 *)(r10 - 64) = -1
	*(u8 *)(r10 - 56) = 6
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r7 = r0
	*(u64 *)(r10 - 88) = r7
	if r0 == 0 goto null1
	r8 = *(u64 *)(r10 - 88)
	call bpf_get_prandom_u32
	if r0 > 1 goto odd2
	r1 = r8
	call bpf_ct_release
	goto join3
odd2:
	r1 = r8
	call bpf_ct_release
join3:
	r0 = 1
	exit
null1:
	r0 = 2
	exit
