# scenario: XDP may write packet bytes after a range check: accepted
# kernel: accept
# kernel-processed: 12
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 6
	if r4 > r3 goto out
	*(u16 *)(r2 + 4) = 0xffff
	r5 = 1
	*(u8 *)(r2 + 0) = r5
out:
	r0 = 2
	exit
