# scenario: reading through data_end itself: rejected (invalid mem access 'pkt_end')
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: R3 invalid mem access 'pkt_end'
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r0 = *(u8 *)(r3 + 0)
out:
	r0 = 2
	exit
