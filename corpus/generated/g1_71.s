# scenario: generated seed=1 index=71
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 25
# kernel-error: no write support to nf_conn at off 128
# kernel-processed: 26
# kernel-version: 6.18.44
# shape: lookup, check(==), copy(r7), read(12,u16), write(168,u8), write(128,u64), release
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
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto null1
	r7 = r0
	r2 = *(u16 *)(r0 + 12)
	call bpf_get_prandom_u32
	*(u8 *)(r7 + 168) = r0
	*(u64 *)(r7 + 128) = 17
	r1 = r7
	call bpf_ct_release
	r0 = 3
	exit
null1:
	r0 = 2
	exit
