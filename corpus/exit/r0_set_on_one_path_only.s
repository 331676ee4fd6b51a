# scenario: R0 is written only on one side of a branch before the shared exit: rejected (R0 !read_ok)
	.section xdp
	r2 = *(u32 *)(r1 + 16)
	if r2 == 0 goto done
	r0 = 2
done:
	exit
