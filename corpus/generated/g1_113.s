# scenario: generated seed=1 index=113
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 26
# kernel-error: R1 must be referenced or trusted
# kernel-processed: 29
# kernel-version: 6.18.44
# shape: lookup, check(!=), copy(r7), arith(+8), release(loaded), release
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
	r3 = r7
	r3 += 8
	r2 = *(u32 *)(r3 + 160)
	r1 = *(u64 *)(r0 + 176)
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 1
	exit
null1:
	r0 = 2
	exit
