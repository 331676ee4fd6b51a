# scenario: opts at fp-16 with opts__sz 20 reaches 4 bytes above fp: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 17
# kernel-error: invalid read from stack R4 off=-16 size=20
# kernel-error: arg#3 arg#4 memory, len pair leads to invalid memory access
# kernel-processed: 18
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	*(u64 *)(r10 - 32) = 0
	*(u64 *)(r10 - 40) = 0
	*(u64 *)(r10 - 48) = 0
	*(u64 *)(r10 - 56) = 0
	*(u64 *)(r10 - 64) = 0
	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	*(u32 *)(r10 - 16) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 8) = 6		# opts.l4proto
	r1 = r6
	r2 = r10
	r2 += -64
	r3 = 12
	r4 = r10
	r4 += -16
	r5 = 20
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2
	exit
