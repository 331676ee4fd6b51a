# scenario: fully written slot read back by an unprivileged loader: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r1 = 7
	*(u64 *)(r10 - 24) = r1
	r2 = *(u64 *)(r10 - 24)
	r0 = 2
	exit
