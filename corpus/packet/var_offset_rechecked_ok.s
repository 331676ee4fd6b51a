# scenario: data + (x & 15), then prove that pointer + 4 <= data_end, read 4 bytes: accepted
# kernel: accept
# kernel-processed: 13
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = *(u32 *)(r1 + 16)
	r5 &= 15
	r2 += r5
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 0)
out:
	r0 = 2
	exit
