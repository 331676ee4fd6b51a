# scenario: generated seed=1 index=33
# kernel: accept
# kernel-processed: 47
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(!=), copy(r8), lookup, copy(r9), check(==), write(168,u32), release, release
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
	if r7 != 0 goto ok2
	goto null1
ok2:
	r8 = r7
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	r9 = r0
	if r9 == 0 goto null3
	*(u32 *)(r7 + 168) = 98
	r1 = r9
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 1
	exit
null1:
	r0 = 2
	exit
null3:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
