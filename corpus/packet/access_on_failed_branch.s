# scenario: the read sits on the branch where data + 8 > data_end: rejected
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 8
	if r4 <= r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
