# scenario: prove 16 bytes, then add (x & 15) and read 4 bytes: the variable part is not covered: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 8
# kernel-error: invalid access to packet, off=0 size=4, R2(id=1,off=0,r=0)
# kernel-error: R2 offset is outside of the packet
# kernel-processed: 9
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = *(u32 *)(r1 + 16)
	r4 = r2
	r4 += 16
	if r4 > r3 goto out
	r5 &= 15
	r2 += r5
	r0 = *(u32 *)(r2 + 0)
out:
	r0 = 2
	exit
