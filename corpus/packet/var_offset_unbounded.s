# scenario: data + x with x an unknown u32: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 7
# kernel-error: invalid access to packet, off=0 size=1, R2(id=1,off=0,r=0)
# kernel-error: R2 offset is outside of the packet
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = *(u32 *)(r1 + 16)
	r2 += r5
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	r0 = *(u8 *)(r2 + 0)
out:
	r0 = 2
	exit
