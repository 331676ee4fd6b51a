# scenario: tuple__sz in [17, 48] with the tuple at fp-24: the largest size reaches past fp: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 18
# kernel-error: invalid read from stack R2 off=-24 size=48
# kernel-error: arg#1 arg#2 memory, len pair leads to invalid memory access
# kernel-processed: 19
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u64 *)(r10 - 24) = 0
	*(u64 *)(r10 - 56) = 0
	*(u64 *)(r10 - 64) = 0
	*(u32 *)(r10 - 64) = -1
	*(u8 *)(r10 - 56) = 6
	call bpf_get_prandom_u32
	r3 = r0
	r3 &= 31
	r3 += 17
	r1 = r6
	r2 = r10
	r2 += -24
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
