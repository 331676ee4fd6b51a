# scenario: load through R7 which was never written: rejected (R7 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R7 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r7 + 0)
	exit
