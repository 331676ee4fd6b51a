# scenario: if r4 > 0 with R4 never written: rejected (R4 !read_ok)
	.section xdp
	if r4 > 0 goto out
out:
	r0 = 2
	exit
