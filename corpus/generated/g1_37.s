# scenario: generated seed=1 index=37
# kernel: accept
# kernel-processed: 50
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-112), check(==), lookup, copy(r8), check(==), read(12,u16), read(224,u8), arith(+168), release, release
	.section xdp
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
	call bpf_xdp_ct_lookup
	r7 = r0
	*(u64 *)(r10 - 112) = r7
	if r0 == 0 goto null1
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	r8 = r0
	if r8 == 0 goto null2
	r2 = *(u16 *)(r7 + 12)
	r2 = *(u8 *)(r7 + 224)
	r3 = r7
	r3 += 168
	r2 = *(u32 *)(r3 + 0)
	r1 = r8
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
