# scenario: a static subprogram reads R2, which the caller never set: rejected (R2 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: R2 !read_ok
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r1 = 1
	call f
	exit
f:
	r0 = r2
	exit
