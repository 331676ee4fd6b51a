# scenario: data_end - 1 as a pointer: rejected (pointer arithmetic on pkt_end prohibited)
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r3 += -1
	r0 = 2
out:
	r0 = 2
	exit
