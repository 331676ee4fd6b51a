# scenario: generated seed=1 index=8
# kernel: accept
# kernel-processed: 38
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), copy(r8), copy(r9), read(68,u16), read(8,u32), release, release, branch
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
	r7 = r0
	if r0 == 0 goto null1
	r8 = r0
	r9 = r7
	r2 = *(u16 *)(r9 + 68)
	r2 = *(u32 *)(r0 + 8)
	call bpf_get_prandom_u32
	if r0 > 7 goto odd2
	r1 = r7
	call bpf_ct_release
	goto join3
odd2:
	r1 = r9
	call bpf_ct_release
join3:
	r0 = 3
	exit
null1:
	r0 = 2
	exit
