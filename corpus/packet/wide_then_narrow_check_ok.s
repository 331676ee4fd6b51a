# scenario: two checks (data + 4, then data + 40); a read at 32 uses the larger range: accepted
# kernel: accept
# kernel-processed: 13
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r4 = r2
	r4 += 4
	if r4 > r3 goto out
	r4 = r2
	r4 += 40
	if r4 > r3 goto out
	r0 = *(u64 *)(r2 + 32)
out:
	r0 = 2
	exit
