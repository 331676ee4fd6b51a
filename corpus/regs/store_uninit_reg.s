# scenario: *(u64 *)(r10 - 8) = r3 with R3 never written: rejected (R3 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R3 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r3
	r0 = 2
	exit
