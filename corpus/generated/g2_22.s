# scenario: generated seed=2 index=22
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 29
# kernel-error: R2 !read_ok
# kernel-processed: 32
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(!=), spill(fp-96), copy(r8), clobbered
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
	*(u8 *)(r10 - 56) = 6
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
	*(u64 *)(r10 - 96) = r0
	r8 = r0
	r2 = r0
	r7 = 0
	r8 = 0
	call bpf_ktime_get_ns
	r1 = r2
	call bpf_ct_release
	r0 = 3
	exit
null1:
	r0 = 2
	exit
