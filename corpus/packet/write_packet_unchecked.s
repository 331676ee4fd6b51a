# scenario: XDP writes packet byte 0 without a range check: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: invalid access to packet, off=0 size=1, R2(id=0,off=0,r=0)
# kernel-error: R2 offset is outside of the packet
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	*(u8 *)(r2 + 0) = 1
out:
	r0 = 2
	exit
