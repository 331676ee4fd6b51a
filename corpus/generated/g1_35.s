# scenario: generated seed=1 index=35
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 39
# kernel-error: R7 invalid mem access 'scalar'
# kernel-processed: 44
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), read(135,u8), lookup, copy(r8), check(!=), copy(r9), spill(fp-120), release, release, use_after_release
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
	r2 = *(u8 *)(r0 + 135)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	r8 = r0
	if r8 != 0 goto ok3
	goto null2
ok3:
	r9 = r7
	*(u64 *)(r10 - 120) = r9
	r1 = r8
	call bpf_ct_release
	r1 = r9
	call bpf_ct_release
	r0 = *(u32 *)(r7 + 168)
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
