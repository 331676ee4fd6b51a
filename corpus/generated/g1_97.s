# scenario: generated seed=1 index=97
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 26
# kernel-error: Unreleased reference id=2 alloc_insn=19
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 27
# kernel-version: 6.18.44
# shape: lookup, spill(fp-120), check(==), copy(r7), read(135,u8), read(12,u16), leak
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
	*(u64 *)(r10 - 120) = r0
	if r0 == 0 goto null1
	r7 = r0
	r2 = *(u8 *)(r0 + 135)
	r2 = *(u16 *)(r7 + 12)
	r0 = 2
	exit
null1:
	r0 = 2
	exit
