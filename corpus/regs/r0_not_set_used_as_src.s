# scenario: r1 = r0 at entry, R0 never written: rejected (R0 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R0 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r1 = r0
	r0 = 2
	exit
