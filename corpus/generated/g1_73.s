# scenario: generated seed=1 index=73
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 25
# kernel-error: R1 must be referenced or trusted
# kernel-processed: 26
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-72), check(==), fill(r8), spill(fp-128), release(loaded), release
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
	r7 = r0
	*(u64 *)(r10 - 72) = r7
	if r0 == 0 goto null1
	r8 = *(u64 *)(r10 - 72)
	*(u64 *)(r10 - 128) = r7
	r1 = *(u64 *)(r7 + 160)
	call bpf_ct_release
	r1 = r8
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
