# scenario: generated seed=2 index=11
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 33
# kernel-error: write access at off 168 with size 8 beyond the member of nf_conn ended at 172
# kernel-processed: 38
# kernel-version: 6.18.44
# shape: lookup, copy(r7), spill(fp-104), check(==), lookup, copy(r8), check(!=), write(168,u64), release, release
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
	*(u64 *)(r10 - 104) = r7
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
	*(u64 *)(r7 + 168) = 61
	r1 = r0
	call bpf_ct_release
	r1 = r7
	call bpf_ct_release
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
