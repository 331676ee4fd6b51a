# scenario: after proving 8 bytes, read at data - 1: rejected
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 8
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 - 1)
out:
	r0 = 2
	exit
