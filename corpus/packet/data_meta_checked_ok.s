# scenario: prove data_meta + 4 <= data, then read 4 bytes of metadata: accepted
# kernel: accept
# kernel-processed: 11
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = *(u32 *)(r1 + 8)
	r4 = r5
	r4 += 4
	if r4 > r2 goto out
	r0 = *(u32 *)(r5 + 0)
out:
	r0 = 2
	exit
