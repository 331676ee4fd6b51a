# scenario: generated seed=2 index=21
# kernel: accept
# kernel-processed: 54
# kernel-version: 6.18.44
# shape: lookup, copy(r7), check(==), lookup, copy(r8), check(!=), read(12,u16), spill(fp-128), fill(r9), release, release, release, branch
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
	*(u8 *)(r10 - 56) = 6
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r7 = r0
	if r0 == 0 goto null1
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r8 = r0
	if r0 != 0 goto ok3
	goto null2
ok3:
	r2 = *(u16 *)(r7 + 12)
	*(u64 *)(r10 - 128) = r7
	r9 = *(u64 *)(r10 - 128)
	r1 = r8
	call bpf_ct_release
	call bpf_get_prandom_u32
	if r0 & 1 goto odd4
	r1 = r9
	call bpf_ct_release
	goto join5
odd4:
	r1 = r7
	call bpf_ct_release
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
