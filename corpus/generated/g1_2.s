# scenario: generated seed=1 index=2
# kernel: accept
# kernel-processed: 49
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-72), check(==), write(168,u32), arith(+168), lookup, copy(r8), check(==), read(135,u8), release, release
	.section xdp
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
	*(u8 *)(r10 - 56) = 17
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	r7 = r0
	*(u64 *)(r10 - 72) = r0
	if r7 == 0 goto null1
	*(u32 *)(r7 + 168) = 2
	r3 = r0
	r3 += 168
	r2 = *(u32 *)(r3 + 0)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	r8 = r0
	if r8 == 0 goto null2
	r2 = *(u8 *)(r7 + 135)
	r1 = r0
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 1
	exit
null1:
	r0 = 2
	exit
null2:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
