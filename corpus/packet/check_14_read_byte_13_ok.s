# scenario: prove data + 14 <= data_end, read byte 13: accepted
# kernel: accept
# kernel-processed: 10
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 13)
out:
	r0 = 2
	exit
