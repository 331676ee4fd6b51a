# scenario: generated seed=2 index=8
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 44
# kernel-error: max struct nesting depth exceeded
# kernel-error: arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar
# kernel-processed: 45
# kernel-version: 6.18.44
# shape: lookup, spill(fp-88), check(==), copy(r7), write(168,u16), read(68,u16), arith(+8), lookup, copy(r8), check(==), release, release, double_release
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
	*(u64 *)(r10 - 88) = r0
	if r0 == 0 goto null1
	r7 = r0
	call bpf_get_prandom_u32
	*(u16 *)(r7 + 168) = r0
	r2 = *(u16 *)(r7 + 68)
	r3 = r7
	r3 += 8
	r2 = *(u32 *)(r3 + 160)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r8 = r0
	if r0 == 0 goto null2
	r1 = r8
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
null2:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
