# scenario: generated seed=2 index=16
# kernel: accept
# kernel-processed: 30
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), read(172,u32), spill(fp-112), release
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
	r5 = 16
	call bpf_skb_ct_lookup
	r7 = r0
	if r0 == 0 goto null1
	r2 = *(u32 *)(r7 + 172)
	*(u64 *)(r10 - 112) = r7
	r1 = r0
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
