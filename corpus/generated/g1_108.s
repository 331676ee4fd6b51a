# scenario: generated seed=1 index=108
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 19
# kernel-error: R0 invalid mem access 'ptr_or_null_'
# kernel-processed: 20
# kernel-version: 6.18.44
# shape: lookup, before_check:, read(128,u64), copy(r7), check(!=), read(184,u32), read(171,u8), release, release, branch
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
	r2 = *(u64 *)(r0 + 128)
	r7 = r0
	if r0 != 0 goto ok2
	goto null1
ok2:
	r2 = *(u32 *)(r7 + 184)
	r2 = *(u8 *)(r7 + 171)
	call bpf_get_prandom_u32
	if r0 & 1 goto odd3
	r1 = r7
	call bpf_ct_release
	goto join4
odd3:
	r1 = r7
	call bpf_ct_release
join4:
	r0 = 1
	exit
null1:
	r0 = 2
	exit
