# scenario: packet range proven for 8 bytes but tuple__sz is 12: rejected (invalid access to packet)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 22
# kernel-error: invalid access to packet, off=0 size=12, R2(id=0,off=0,r=8)
# kernel-error: R2 offset is outside of the packet
# kernel-error: arg#1 arg#2 memory, len pair leads to invalid memory access
# kernel-processed: 23
# kernel-version: 6.18.44
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
	*(u32 *)(r10 - 64) = -1		# opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 56) = 6		# opts.l4proto
	r7 = *(u32 *)(r6 + 0)
	r8 = *(u32 *)(r6 + 4)
	r2 = r7
	r2 += 8
	if r2 > r8 goto out
	r1 = r6
	r2 = r7
	r3 = 12
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
