# scenario: read 4 bytes of data_meta without comparing against data: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: invalid access to packet, off=0 size=4, R5(id=0,off=0,r=0)
# kernel-error: R5 offset is outside of the packet
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = *(u32 *)(r1 + 8)
	r0 = *(u32 *)(r5 + 0)
out:
	r0 = 2
	exit
