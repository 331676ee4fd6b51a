# scenario: the range check is a 32-bit compare (if w4 > w3) of packet pointers: not a range check: rejected
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 8
	if w4 > w3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
