# scenario: generated seed=1 index=84
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 21
# kernel-error: Possibly NULL pointer passed to trusted arg0
# kernel-processed: 22
# kernel-version: 6.18.44
# shape: lookup, unchecked:, release
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
	*(u8 *)(r10 - 56) = 6
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 12
	call bpf_xdp_ct_lookup
	r1 = r0
	call bpf_ct_release
	r0 = 2
	exit
