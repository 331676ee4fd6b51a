# scenario: prove 14 bytes, read 4 bytes at offset 11 (ends at 15): rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 5
# kernel-error: invalid access to packet, off=11 size=4, R2(id=0,off=11,r=14)
# kernel-error: R2 offset is outside of the packet
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 14
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 11)
out:
	r0 = 2
	exit
