# scenario: generated seed=1 index=103
# kernel: accept
# kernel-processed: 30
# kernel-version: 6.18.44
# shape: lookup, check(!=), copy(r7), write(168,u8), release
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
	if r0 != 0 goto ok2
	goto null1
ok2:
	r7 = r0
	call bpf_get_prandom_u32
	*(u8 *)(r7 + 168) = r0
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
