# scenario: tuple pointer with a variable stack offset (fp-48 + (prandom & 8)) for an unprivileged loader: rejected
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 15
# kernel-error: R2 variable stack access prohibited for !root, var_off=(0x0; 0x8) off=-48
# kernel-processed: 16
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
	call bpf_get_prandom_u32
	r0 &= 8
	r2 = r10
	r2 += -48
	r2 += r0
	r1 = r6
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
