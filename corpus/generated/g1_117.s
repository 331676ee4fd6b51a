# scenario: generated seed=1 index=117
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 28
# kernel-error: R8 invalid mem access 'scalar'
# kernel-processed: 29
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-104), check(==), read(126,u8), fill(r8), fill(r9), release, use_after_release
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
	*(u8 *)(r10 - 56) = 17
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	r7 = r0
	*(u64 *)(r10 - 104) = r7
	if r0 == 0 goto null1
	r2 = *(u8 *)(r7 + 126)
	r8 = *(u64 *)(r10 - 104)
	r9 = *(u64 *)(r10 - 104)
	r1 = r8
	call bpf_ct_release
	r0 = *(u32 *)(r8 + 168)
	r0 = 3
	exit
null1:
	r0 = 2
	exit
