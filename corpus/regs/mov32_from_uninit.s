# scenario: w1 = w9 with R9 never written: rejected (R9 !read_ok)
	.section xdp
	w1 = w9
	r0 = 2
	exit
