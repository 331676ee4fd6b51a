# scenario: generated seed=1 index=86
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 37
# kernel-error: no write support to nf_conn at off 171
# kernel-processed: 40
# kernel-version: 6.18.44
# shape: lookup, spill(fp-88), check(!=), copy(r7), read(184,u32), read(68,u16), copy(r8), lookup, copy(r9), check(==), write(171,u8), release, release, release, branch
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
	*(u64 *)(r10 - 88) = r0
	if r0 != 0 goto ok2
	goto null1
ok2:
	r7 = r0
	r2 = *(u32 *)(r0 + 184)
	r2 = *(u16 *)(r0 + 68)
	r8 = r7
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	r9 = r0
	if r0 == 0 goto null3
	call bpf_get_prandom_u32
	*(u8 *)(r7 + 171) = r0
	r1 = r9
	call bpf_ct_release
	call bpf_get_prandom_u32
	if r0 & 7 goto odd4
	r1 = r8
	call bpf_ct_release
	goto join5
odd4:
	r1 = r7
	call bpf_ct_release
join5:
	r0 = 2
	exit
null1:
	r0 = 2
	exit
null3:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
