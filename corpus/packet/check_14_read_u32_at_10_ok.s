# scenario: prove 14 bytes, read 4 bytes at offset 10: accepted
# kernel: accept
# kernel-processed: 10
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 10)
out:
	r0 = 2
	exit
