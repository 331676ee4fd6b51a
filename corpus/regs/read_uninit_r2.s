# scenario: r0 = r2 with R2 never written: rejected (R2 !read_ok)
	.section xdp
	r0 = r2
	exit
