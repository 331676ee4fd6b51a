# scenario: generated seed=1 index=68
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 19
# kernel-error: R0 pointer arithmetic on ptr_or_null_ prohibited, null-check it first
# kernel-processed: 20
# kernel-version: 6.18.44
# shape: lookup, arith(maybe-null), check(==), copy(r7), spill(fp-120), spill(fp-72), write(168,u32), release, release, branch
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
	r5 = 16
	call bpf_xdp_ct_lookup
	r0 += 8
	if r0 == 0 goto null1
	r7 = r0
	*(u64 *)(r10 - 120) = r0
	*(u64 *)(r10 - 72) = r0
	call bpf_get_prandom_u32
	*(u32 *)(r7 + 168) = r0
	call bpf_get_prandom_u32
	if r0 > 1 goto odd2
	r1 = r7
	call bpf_ct_release
	goto join3
odd2:
	r1 = r7
	call bpf_ct_release
join3:
	r0 = 3
	exit
null1:
	r0 = 2
	exit
