# scenario: prove data + 14 <= data_end, read byte 14: rejected (offset is outside of the packet)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 5
# kernel-error: invalid access to packet, off=14 size=1, R2(id=0,off=14,r=14)
# kernel-error: R2 offset is outside of the packet
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 14)
out:
	r0 = 2
	exit
