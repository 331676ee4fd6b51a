# scenario: generated seed=1 index=89
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 40
# kernel-error: R1 must have zero offset when passed to release func or trusted arg to kfunc
# kernel-processed: 43
# kernel-version: 6.18.44
# shape: lookup, check(!=), copy(r7), arith(+128), read(8,u32), lookup, copy(r8), check(==), release, release(+168)
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
	if r0 != 0 goto ok2
	goto null1
ok2:
	r7 = r0
	r3 = r0
	r3 += 128
	r2 = *(u32 *)(r3 + 40)
	r2 = *(u32 *)(r7 + 8)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	r8 = r0
	if r8 == 0 goto null3
	r1 = r0
	call bpf_ct_release
	r1 = r7
	r1 += 168
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
null3:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
