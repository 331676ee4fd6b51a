# scenario: read 4 bytes of data_meta without comparing against data: rejected
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = *(u32 *)(r1 + 8)
	r0 = *(u32 *)(r5 + 0)
out:
	r0 = 2
	exit
