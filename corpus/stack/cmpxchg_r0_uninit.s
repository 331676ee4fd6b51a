# scenario: cmpxchg on the stack with R0 (the comparand) never written: rejected (R0 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: R0 !read_ok
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 1
	r1 = 2
	r0 = cmpxchg_64(r10 - 8, r0, r1)
	r0 = 2
	exit
