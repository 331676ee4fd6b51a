# scenario: r3 += 1 on an uninitialised register: rejected (R3 !read_ok)
	.section xdp
	r3 += 1
	r0 = 2
	exit
