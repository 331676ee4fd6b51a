# scenario: generated seed=2 index=17
# kernel: accept
# kernel-processed: 31
# kernel-version: 6.18.44
# shape: lookup, check(==), copy(r7), read(135,u8), write(168,u8), read(135,u8), release
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
	r5 = 12
	call bpf_skb_ct_lookup
	if r0 == 0 goto null1
	r7 = r0
	r2 = *(u8 *)(r0 + 135)
	call bpf_get_prandom_u32
	*(u8 *)(r7 + 168) = r0
	r2 = *(u8 *)(r7 + 135)
	r1 = r7
	call bpf_ct_release
	r0 = 3
	exit
null1:
	r0 = 2
	exit
