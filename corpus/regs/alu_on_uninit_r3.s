# scenario: r3 += 1 on an uninitialised register: rejected (R3 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R3 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r3 += 1
	r0 = 2
	exit
