# scenario: generated seed=2 index=26
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 37
# kernel-error: R2 !read_ok
# kernel-processed: 38
# kernel-version: 6.18.44
# shape: lookup, check(==), copy(r7), copy(r8), lookup, copy(r9), check(==), read(126,u8), clobbered, release
	.section tc
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
	call bpf_skb_ct_lookup
	if r0 == 0 goto null1
	r7 = r0
	r8 = r0
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r9 = r0
	if r0 == 0 goto null2
	r2 = *(u8 *)(r7 + 126)
	r2 = r7
	r7 = 0
	r8 = 0
	call bpf_ktime_get_ns
	r1 = r2
	call bpf_ct_release
	r1 = r0
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
null2:
	r1 = r8
	call bpf_ct_release
	r0 = 2
	exit
