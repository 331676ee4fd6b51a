# scenario: r4 = bswap64 r4 on an uninitialised register: rejected (R4 !read_ok)
	.section xdp
	r4 = bswap64 r4
	r0 = 2
	exit
