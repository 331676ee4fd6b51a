# scenario: if data + 8 <= data_end goto read: the taken branch has the range: accepted
# kernel: accept
# kernel-processed: 11
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 8
	if r4 <= r3 goto read
	goto out
read:
	r0 = *(u64 *)(r2 + 0)
out:
	r0 = 2
	exit
