# scenario: generated seed=1 index=101
# kernel: accept
# kernel-processed: 34
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-88), check(!=), read(168,u16), arith(+128), release
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
	r7 = r0
	*(u64 *)(r10 - 88) = r7
	if r0 != 0 goto ok2
	goto null1
ok2:
	r2 = *(u16 *)(r7 + 168)
	r3 = r0
	r3 += 128
	r2 = *(u32 *)(r3 + 40)
	r1 = r0
	call bpf_ct_release
	r0 = 3
	exit
null1:
	r0 = 2
	exit
