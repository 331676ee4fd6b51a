# scenario: w1 = w9 with R9 never written: rejected (R9 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R9 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	w1 = w9
	r0 = 2
	exit
