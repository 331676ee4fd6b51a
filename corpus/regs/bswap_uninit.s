# scenario: r4 = bswap64 r4 on an uninitialised register: rejected (R4 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R4 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r4 = bswap64 r4
	r0 = 2
	exit
