# scenario: generated seed=1 index=46
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 30
# kernel-error: R3 pointer arithmetic with *= operator prohibited
# kernel-processed: 31
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-128), check(==), arith(+168), arith(+168), bad_op, release
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
	*(u64 *)(r10 - 128) = r7
	if r7 == 0 goto null1
	r3 = r0
	r3 += 168
	r2 = *(u32 *)(r3 + 0)
	r3 = r7
	r3 += 168
	r2 = *(u32 *)(r3 + 0)
	r3 = r0
	r3 *= 2
	r1 = r0
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
