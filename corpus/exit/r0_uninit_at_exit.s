# scenario: exit with R0 never written: rejected (R0 !read_ok)
	.section xdp
	exit
