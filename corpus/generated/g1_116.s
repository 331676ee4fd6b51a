# scenario: generated seed=1 index=116
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 45
# kernel-error: Unreleased reference id=2 alloc_insn=19
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 52
# kernel-version: 6.18.44
# shape: lookup, check(==), copy(r7), lookup, copy(r8), check(!=), spill(fp-112), spill(fp-72), write(168,u16), release, release, branch(leak), branch
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
	r5 = 12
	call bpf_xdp_ct_lookup
	if r0 == 0 goto null1
	r7 = r0
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
	*(u64 *)(r10 - 112) = r7
	*(u64 *)(r10 - 72) = r7
	*(u16 *)(r7 + 168) = 81
	r1 = r0
	call bpf_ct_release
	call bpf_get_prandom_u32
	if r0 & 100 goto odd4
	r1 = r7
	call bpf_ct_release
	goto join5
odd4:
	r0 = 1
join5:
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
