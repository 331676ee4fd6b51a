# scenario: after the range check, spill the packet pointer and fill it: range survives: accepted
# kernel: accept
# kernel-processed: 12
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 2
	if r4 > r3 goto out
	*(u64 *)(r10 - 8) = r2
	r5 = *(u64 *)(r10 - 8)
	r0 = *(u16 *)(r5 + 0)
out:
	r0 = 2
	exit
