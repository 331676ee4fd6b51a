# scenario: data_end - 1 as a pointer: rejected (pointer arithmetic on pkt_end prohibited)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: R3 pointer arithmetic on pkt_end prohibited
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r3 += -1
	r0 = 2
out:
	r0 = 2
	exit
