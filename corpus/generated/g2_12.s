# scenario: generated seed=2 index=12
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 33
# kernel-error: Unreleased reference id=2 alloc_insn=19
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 38
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(!=), arith(+8), release, branch(leak), branch
	.section tc
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
	call bpf_skb_ct_lookup
	r7 = r0
	if r0 != 0 goto ok2
	goto null1
ok2:
	r3 = r7
	r3 += 8
	r2 = *(u32 *)(r3 + 160)
	call bpf_get_prandom_u32
	if r0 & 100 goto odd3
	r1 = r7
	call bpf_ct_release
	goto join4
odd3:
	r0 = 1
join4:
	r0 = 2
	exit
null1:
	r0 = 2
	exit
