# scenario: range check written as if data_end < data + 20 goto out: accepted
# kernel: accept
# kernel-processed: 10
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 20
	if r3 < r4 goto out
	r0 = *(u64 *)(r2 + 12)
out:
	r0 = 2
	exit
