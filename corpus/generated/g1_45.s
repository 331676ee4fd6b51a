# scenario: generated seed=1 index=45
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 38
# kernel-error: no write support to nf_conn at off 8
# kernel-processed: 45
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-128), check(!=), arith(+128), read(168,u16), lookup, copy(r8), check(!=), write(8,u32), release, release
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
	r7 = r0
	*(u64 *)(r10 - 128) = r0
	if r7 != 0 goto ok2
	goto null1
ok2:
	r3 = r7
	r3 += 128
	r2 = *(u32 *)(r3 + 40)
	r2 = *(u16 *)(r0 + 168)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	r8 = r0
	if r0 != 0 goto ok4
	goto null3
ok4:
	*(u32 *)(r7 + 8) = 7
	r1 = r8
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
	r0 = 3
	exit
null1:
	r0 = 2
	exit
null3:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
