# scenario: generated seed=1 index=20
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 27
# kernel-error: max struct nesting depth exceeded
# kernel-error: arg#0 pointer type STRUCT nf_conn must point to scalar, or struct with scalar
# kernel-processed: 28
# kernel-version: 6.18.44
# shape: lookup, check(==), copy(r7), write(168,u32), read(12,u16), write(168,u32), release, double_release
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
	*(u8 *)(r10 - 56) = 6
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	if r0 == 0 goto null1
	r7 = r0
	*(u32 *)(r7 + 168) = 83
	r2 = *(u16 *)(r7 + 12)
	*(u32 *)(r7 + 168) = 65
	r1 = r7
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
