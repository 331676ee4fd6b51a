# scenario: generated seed=1 index=4
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 25
# kernel-error: R1 must be referenced or trusted
# kernel-processed: 26
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), spill(fp-112), read(8,u32), release(loaded), release
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
	*(u8 *)(r10 - 56) = 17
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	r7 = r0
	if r0 == 0 goto null1
	*(u64 *)(r10 - 112) = r7
	r2 = *(u32 *)(r7 + 8)
	r1 = *(u64 *)(r7 + 176)
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
