# scenario: r3 ^= r3 on an uninitialised register (a zeroing idiom, still a read): rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: R3 !read_ok
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r3 ^= r3
	r0 = r3
	exit
