# scenario: after proving 8 bytes, read at data - 1: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 5
# kernel-error: invalid access to packet, off=-1 size=1, R2(id=0,off=-1,r=8)
# kernel-error: R2 offset is outside of the packet
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 8
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 - 1)
out:
	r0 = 2
	exit
