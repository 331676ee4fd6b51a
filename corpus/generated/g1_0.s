# scenario: generated seed=1 index=0
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 33
# kernel-error: R1 must have zero offset when passed to release func or trusted arg to kfunc
# kernel-processed: 36
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-88), check(!=), arith(+168), read(135,u8), copy(r8), arith(+168), release(-8)
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
	r5 = 16
	call bpf_xdp_ct_lookup
	r7 = r0
	*(u64 *)(r10 - 88) = r7
	if r7 != 0 goto ok2
	goto null1
ok2:
	r3 = r0
	r3 += 168
	r2 = *(u32 *)(r3 + 0)
	r2 = *(u8 *)(r0 + 135)
	r8 = r0
	r3 = r8
	r3 += 168
	r2 = *(u32 *)(r3 + 0)
	r1 = r8
	r1 += -8
	call bpf_ct_release
	r0 = 1
	exit
null1:
	r0 = 2
	exit
