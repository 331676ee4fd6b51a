# scenario: generated seed=2 index=28
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 41
# kernel-error: max struct nesting depth exceeded
# kernel-error: arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar
# kernel-processed: 44
# kernel-version: 6.18.44
# shape: lookup, spill(fp-104), check(!=), copy(r7), read(128,u64), lookup, copy(r8), check(==), read(168,u32), release, release, double_release
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
	*(u64 *)(r10 - 104) = r0
	if r0 != 0 goto ok2
	goto null1
ok2:
	r7 = r0
	r2 = *(u64 *)(r7 + 128)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r8 = r0
	if r0 == 0 goto null3
	r2 = *(u32 *)(r7 + 168)
	r1 = r0
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 1
	exit
null1:
	r0 = 2
	exit
null3:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
