# scenario: generated seed=2 index=1
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 39
# kernel-error: R1 must have zero offset when passed to release func or trusted arg to kfunc
# kernel-processed: 40
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), lookup, copy(r8), check(==), spill(fp-72), read(224,u8), read(168,u16), release, release(+8)
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
	if r7 == 0 goto null1
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r8 = r0
	if r8 == 0 goto null2
	*(u64 *)(r10 - 72) = r7
	r2 = *(u8 *)(r7 + 224)
	r2 = *(u16 *)(r7 + 168)
	r1 = r0
	call bpf_ct_release
	r1 = r7
	r1 += 8
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
