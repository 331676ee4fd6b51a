# scenario: some stack work then exit without setting R0: rejected (R0 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: R0 !read_ok
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = *(u64 *)(r10 - 8)
	exit
