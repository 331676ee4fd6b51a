# scenario: R0 is written only on one side of a branch before the shared exit: rejected (R0 !read_ok)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: R0 !read_ok
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	if r2 == 0 goto done
	r0 = 2
done:
	exit
