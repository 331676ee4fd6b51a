# scenario: generated seed=1 index=51
# kernel: accept
# kernel-processed: 50
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), lookup, copy(r8), check(==), release, release, release, branch
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
	r5 = 12
	call bpf_xdp_ct_lookup
	r7 = r0
	if r7 == 0 goto null1
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	r8 = r0
	if r8 == 0 goto null2
	r1 = r0
	call bpf_ct_release
	call bpf_get_prandom_u32
	if r0 & 100 goto odd3
	r1 = r7
	call bpf_ct_release
	goto join4
odd3:
	r1 = r7
	call bpf_ct_release
join4:
	r0 = 3
	exit
null1:
	r0 = 2
	exit
null2:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
