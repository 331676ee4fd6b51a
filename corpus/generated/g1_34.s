# scenario: generated seed=1 index=34
# kernel: accept
# kernel-processed: 37
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-96), check(==), fill(r8), release, release, branch
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
	r5 = 16
	call bpf_xdp_ct_lookup
	r7 = r0
	*(u64 *)(r10 - 96) = r7
	if r7 == 0 goto null1
	r8 = *(u64 *)(r10 - 96)
	call bpf_get_prandom_u32
	if r0 > 7 goto odd2
	r1 = r8
	call bpf_ct_release
	goto join3
odd2:
	r1 = r8
	call bpf_ct_release
join3:
	r0 = 2
	exit
null1:
	r0 = 2
	exit
