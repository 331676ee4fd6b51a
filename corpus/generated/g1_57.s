# scenario: generated seed=1 index=57
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 42
# kernel-error: Unreleased reference id=4 alloc_insn=31
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 45
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), copy(r8), copy(r9), spill(fp-88), leak(second), lookup, check(!=), release, release, branch
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
	r5 = 12
	call bpf_xdp_ct_lookup
	r7 = r0
	if r0 == 0 goto null1
	r8 = r7
	r9 = r8
	*(u64 *)(r10 - 88) = r8
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	if r0 != 0 goto ok3
	goto null2
ok3:
	call bpf_get_prandom_u32
	if r0 > 1 goto odd4
	r1 = r8
	call bpf_ct_release
	goto join5
odd4:
	r1 = r8
	call bpf_ct_release
join5:
	r0 = 1
	exit
null1:
	r0 = 2
	exit
null2:
	r1 = r9
	call bpf_ct_release
	r0 = 2
	exit
