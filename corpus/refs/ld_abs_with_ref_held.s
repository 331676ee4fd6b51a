# scenario: TC: LD_ABS while a CT reference is held: rejected (BPF_LD_[ABS|IND] would lead to reference leak)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 20
# kernel-error: Unreleased reference id=2 alloc_insn=18
# kernel-error: BPF_LD_[ABS|IND] would lead to reference leak
# kernel-processed: 21
# kernel-version: 6.18.44
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
	*(u32 *)(r10 - 64) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 56) = 6		# opts.l4proto
	r1 = r6
	r2 = r10
	r2 += -48
	r3 = 12
	r4 = r10
	r4 += -64
	r5 = 16
	call bpf_skb_ct_lookup
	r7 = r0
	r0 = *(u8 *)skb[12]
	if r7 == 0 goto out
	r1 = r7
	call bpf_ct_release
out:
	r0 = 2
	exit
