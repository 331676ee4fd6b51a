# scenario: generated seed=1 index=53
# kernel: accept
# kernel-processed: 38
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), arith(+128), release, release, branch
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
	if r0 == 0 goto null1
	r3 = r7
	r3 += 128
	r2 = *(u32 *)(r3 + 40)
	call bpf_get_prandom_u32
	if r0 & 1 goto odd2
	r1 = r7
	call bpf_ct_release
	goto join3
odd2:
	r1 = r7
	call bpf_ct_release
join3:
	r0 = 2
	exit
null1:
	r0 = 2
	exit
