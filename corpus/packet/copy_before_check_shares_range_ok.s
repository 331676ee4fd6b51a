# scenario: r5 = data before the check on r2; r5 gets the proven range too: accepted
# kernel: accept
# kernel-processed: 11
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 0)		# data
	r3 = *(u32 *)(r1 + 4)		# data_end
	r5 = r2
	r4 = r2
	r4 += 8
	if r4 > r3 goto out
	r0 = *(u64 *)(r5 + 0)
out:
	r0 = 2
	exit
