# scenario: a static subprogram reads R2, which the caller never set: rejected (R2 !read_ok)
	.section xdp
	r1 = 1
	call f
	exit
f:
	r0 = r2
	exit
