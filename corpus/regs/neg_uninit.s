# scenario: r5 = -r5 on an uninitialised register: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R5 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r5 = -r5
	r0 = 2
	exit
