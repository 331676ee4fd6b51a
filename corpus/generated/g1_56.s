# scenario: generated seed=1 index=56
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 41
# kernel-error: Unreleased reference id=2 alloc_insn=19
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 42
# kernel-version: 6.18.44
# shape: lookup, spill(fp-112), check(==), copy(r7), fill(r8), lookup, copy(r9), check(==), read(68,u16), arith(+8), release, leak
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
	*(u64 *)(r10 - 112) = r0
	if r0 == 0 goto null1
	r7 = r0
	r8 = *(u64 *)(r10 - 112)
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	r9 = r0
	if r9 == 0 goto null2
	r2 = *(u16 *)(r8 + 68)
	r3 = r7
	r3 += 8
	r2 = *(u32 *)(r3 + 160)
	r1 = r0
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
null2:
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
