# scenario: generated seed=1 index=17
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 31
# kernel-error: Unreleased reference id=2 alloc_insn=19
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 24
# kernel-version: 6.18.44
# shape: lookup, check(jgt), copy(r7), read(8,u32), read(168,u32), copy(r8), release
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
	if r0 > 0 goto ok2
	goto null1
ok2:
	r7 = r0
	r2 = *(u32 *)(r0 + 8)
	r2 = *(u32 *)(r0 + 168)
	r8 = r0
	r1 = r8
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
