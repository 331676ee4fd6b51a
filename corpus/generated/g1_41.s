# scenario: generated seed=1 index=41
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 31
# kernel-error: R2 !read_ok
# kernel-processed: 32
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-112), check(==), read(168,u16), fill(r8), write(168,u32), clobbered
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
	*(u64 *)(r10 - 112) = r7
	if r0 == 0 goto null1
	r2 = *(u16 *)(r7 + 168)
	r8 = *(u64 *)(r10 - 112)
	call bpf_get_prandom_u32
	*(u32 *)(r8 + 168) = r0
	r2 = r7
	r7 = 0
	r8 = 0
	call bpf_ktime_get_ns
	r1 = r2
	call bpf_ct_release
	r0 = 1
	exit
null1:
	r0 = 2
	exit
