# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 26
# kernel-error: Unreleased reference id=2 alloc_insn=19
# kernel-error: BPF_EXIT instruction in main prog would lead to reference leak
# kernel-processed: 29
# kernel-version: 6.18.44
# An XDP program that looks up the conntrack entry of a TCP flow and releases it only when
# the entry's mark is 5: every other path leaks the reference.
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
	*(u32 *)(r10 - 64) = -1          # opts.netns_id = BPF_F_CURRENT_NETNS
	*(u8 *)(r10 - 56) = 6            # opts.l4proto = IPPROTO_TCP
	r1 = r6
	r2 = r10
	r2 += -48                        # tuple (ipv4: 12 bytes)
	r3 = 12
	r4 = r10
	r4 += -64                        # opts
	r5 = 16
	call bpf_xdp_ct_lookup
	if r0 == 0 goto out
	r1 = *(u32 *)(r0 + 168)          # ct->mark
	if r1 != 5 goto out              # BUG: leaks ct on this path
	r1 = r0
	call bpf_ct_release
out:
	r0 = 2                           # XDP_PASS
	exit
