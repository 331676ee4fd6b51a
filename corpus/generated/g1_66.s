# scenario: generated seed=1 index=66
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 23
# kernel-error: R3 pointer arithmetic with <<= operator prohibited
# kernel-processed: 24
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), read(128,u64), bad_op, release
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
	r2 = *(u64 *)(r0 + 128)
	r3 = r0
	r3 <<= 1
	r1 = r7
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
