# scenario: r0 = r2 with R2 never written: rejected (R2 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R2 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = r2
	exit
