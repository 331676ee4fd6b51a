# scenario: generated seed=1 index=43
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 25
# kernel-error: R3 pointer arithmetic with <<= operator prohibited
# kernel-processed: 26
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), read(128,u16), read(135,u8), bad_op, release, release, branch
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
	r7 = r0
	if r7 == 0 goto null1
	r2 = *(u16 *)(r0 + 128)
	r2 = *(u8 *)(r0 + 135)
	r3 = r0
	r3 <<= 1
	call bpf_get_prandom_u32
	if r0 & 100 goto odd2
	r1 = r7
	call bpf_ct_release
	goto join3
odd2:
	r1 = r7
	call bpf_ct_release
join3:
	r0 = 1
	exit
null1:
	r0 = 2
	exit
