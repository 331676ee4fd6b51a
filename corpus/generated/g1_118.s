# scenario: generated seed=1 index=118
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 32
# kernel-error: max struct nesting depth exceeded
# kernel-error: arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar
# kernel-processed: 33
# kernel-version: 6.18.44
# shape: lookup, spill(fp-120), check(==), copy(r7), arith(+168), write(168,u8), fill(r8), spill(fp-72), release, double_release
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
	*(u64 *)(r10 - 120) = r0
	if r0 == 0 goto null1
	r7 = r0
	r3 = r7
	r3 += 168
	r2 = *(u32 *)(r3 + 0)
	call bpf_get_prandom_u32
	*(u8 *)(r7 + 168) = r0
	r8 = *(u64 *)(r10 - 120)
	*(u64 *)(r10 - 72) = r8
	r1 = r8
	call bpf_ct_release
	r1 = r8
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
