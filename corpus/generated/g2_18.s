# scenario: generated seed=2 index=18
# kernel: accept
# kernel-processed: 50
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-72), check(==), fill(r8), read(32,u32), lookup, copy(r9), check(!=), arith(+8), release, release
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
	r7 = r0
	*(u64 *)(r10 - 72) = r0
	if r0 == 0 goto null1
	r8 = *(u64 *)(r10 - 72)
	r2 = *(u32 *)(r7 + 32)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_skb_ct_lookup
	r9 = r0
	if r0 != 0 goto ok3
	goto null2
ok3:
	r3 = r8
	r3 += 8
	r2 = *(u32 *)(r3 + 160)
	r1 = r0
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 3
	exit
null1:
	r0 = 2
	exit
null2:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
