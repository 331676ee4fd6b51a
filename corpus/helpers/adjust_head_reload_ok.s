# scenario: after bpf_xdp_adjust_head reload data/data_end and re-check before reading: accepted
# kernel: accept
# kernel-processed: 21
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r2 = *(u32 *)(r6 + 0)
	r3 = *(u32 *)(r6 + 4)
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r7 = r2
	r1 = r6
	r2 = 14
	call bpf_xdp_adjust_head
	r2 = *(u32 *)(r6 + 0)
	r3 = *(u32 *)(r6 + 4)
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
