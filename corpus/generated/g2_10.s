# scenario: generated seed=2 index=10
# kernel: accept
# kernel-processed: 39
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), read(128,u16), write(168,u16), spill(fp-120), spill(fp-112), release, release, branch
	.section tc
	r6 = r1
	r1 = 0
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	*(u64 *)(r10 - 24) = r1
	*(u64 *)(r10 - 32) = r1
	*(u64 *)(r10 - 40) = r1
	*(u64 *)(r10 - 48) = r1
	*(u64 *)(r10 - 56) = r1
	*(u64 *)(r10 - 64) = r1
	*(u32 *)(r10 - 64) = -1
	*(u8 *)(r10 - 56) = 6
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_skb_ct_lookup
	r7 = r0
	if r0 == 0 goto null1
	r2 = *(u16 *)(r0 + 128)
	call bpf_get_prandom_u32
	*(u16 *)(r7 + 168) = r0
	*(u64 *)(r10 - 120) = r7
	*(u64 *)(r10 - 112) = r7
	call bpf_get_prandom_u32
	if r0 > 7 goto odd2
	r1 = r7
	call bpf_ct_release
	goto join3
odd2:
	r1 = r7
	call bpf_ct_release
join3:
	r0 = 2
	exit
null1:
	r0 = 2
	exit
