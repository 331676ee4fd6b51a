# scenario: R2 is written only when ingress_ifindex is 1, then read after the join: rejected on the other path
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 3
# kernel-error: R2 !read_ok
# kernel-processed: 6
# kernel-version: 6.18.44
	.section xdp
	r3 = *(u32 *)(r1 + 12)
	if r3 != 1 goto join
	r2 = 5
join:
	r0 = r2
	exit
