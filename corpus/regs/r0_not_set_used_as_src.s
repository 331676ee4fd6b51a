# scenario: r1 = r0 at entry, R0 never written: rejected (R0 !read_ok)
	.section xdp
	r1 = r0
	r0 = 2
	exit
