# scenario: data + 0x10000 (past MAX_PACKET_OFF) compared against data_end then read: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 6
# kernel-error: invalid access to packet, off=65536 size=1, R2(id=0,off=65536,r=0)
# kernel-error: R2 offset is outside of the packet
# kernel-processed: 7
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r2 += 0x10000
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
