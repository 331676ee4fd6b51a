# scenario: XDP writes packet byte 0 without a range check: rejected
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	*(u8 *)(r2 + 0) = 1
out:
	r0 = 2
	exit
