# scenario: generated seed=1 index=96
# kernel: accept
# kernel-processed: 38
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-120), check(!=), write(168,u32), copy(r8), release, release, branch
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
	*(u64 *)(r10 - 120) = r0
	if r7 != 0 goto ok2
	goto null1
ok2:
	*(u32 *)(r7 + 168) = 81
	r8 = r0
	call bpf_get_prandom_u32
	if r0 > 7 goto odd3
	r1 = r8
	call bpf_ct_release
	goto join4
odd3:
	r1 = r7
	call bpf_ct_release
join4:
	r0 = 1
	exit
null1:
	r0 = 2
	exit
