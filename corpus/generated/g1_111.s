# scenario: generated seed=1 index=111
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 26
# kernel-error: access beyond struct nf_conn at off 248 size 4
# kernel-processed: 27
# kernel-version: 6.18.44
# shape: lookup, check(==), copy(r7), read(12,u16), write(168,u16), arith(+128), read(248,u32), release, release, branch
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
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto null1
	r7 = r0
	r2 = *(u16 *)(r7 + 12)
	*(u16 *)(r0 + 168) = 95
	r3 = r0
	r3 += 128
	r2 = *(u32 *)(r3 + 40)
	r2 = *(u32 *)(r0 + 248)
	call bpf_get_prandom_u32
	if r0 & 1 goto odd2
	r1 = r7
	call bpf_ct_release
	goto join3
odd2:
	r1 = r7
	call bpf_ct_release
join3:
	r0 = 3
	exit
null1:
	r0 = 2
	exit
