# kernel: accept
# kernel-processed: 31
# kernel-version: 6.18.44
# The same lookup done right: every path that holds the reference releases it.
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
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto pass
	r7 = *(u32 *)(r0 + 168)          # ct->mark
	r1 = r0
	call bpf_ct_release
	if r7 != 5 goto pass
	r0 = 1                           # XDP_DROP flows marked 5
	exit
pass:
	r0 = 2                           # XDP_PASS
	exit
