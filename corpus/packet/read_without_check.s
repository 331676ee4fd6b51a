# scenario: read a byte of the packet with no data_end comparison: rejected (invalid access to packet)
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
