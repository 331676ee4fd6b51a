# scenario: bpf_xdp_adjust_meta(-4), reload data_meta/data, check and write metadata: accepted
# kernel: accept
# kernel-processed: 16
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r2 = -4
	call bpf_xdp_adjust_meta
	if r0 != 0 goto out
	r2 = *(u32 *)(r6 + 8)
	r3 = *(u32 *)(r6 + 0)
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	*(u32 *)(r2 + 0) = 1
out:
	r0 = 2
	exit
