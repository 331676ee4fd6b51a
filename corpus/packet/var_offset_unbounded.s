# scenario: data + x with x an unknown u32: rejected
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = *(u32 *)(r1 + 16)
	r2 += r5
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
