# scenario: if r1 != 0 with r1 = 0 is never taken, so its target (a scalar dereference) is never walked: accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	if r1 != 0 goto bad
	r0 = 2
	exit
bad:
	r0 = *(u32 *)(r1 + 0)
	exit
