# scenario: some stack work then exit without setting R0: rejected (R0 !read_ok)
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = *(u64 *)(r10 - 8)
	exit
