# scenario: generated seed=2 index=29
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 20
# kernel-error: R0 invalid mem access 'ptr_or_null_'
# kernel-processed: 21
# kernel-version: 6.18.44
# shape: lookup, before_check:, read(172,u32), copy(r7), spill(fp-112), check(!=), copy(r8), spill(fp-72), read(135,u8), read(68,u16), release
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
	r5 = 16
	call bpf_skb_ct_lookup
	r2 = *(u32 *)(r0 + 172)
	r7 = r0
	*(u64 *)(r10 - 112) = r7
	if r0 != 0 goto ok2
	goto null1
ok2:
	r8 = r0
	*(u64 *)(r10 - 72) = r8
	r2 = *(u8 *)(r8 + 135)
	r2 = *(u16 *)(r8 + 68)
	r1 = r8
	call bpf_ct_release
	r0 = 2
	exit
null1:
	r0 = 2
	exit
