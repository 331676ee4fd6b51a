# scenario: conditional jump to past the end: rejected (jump out of range)
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: jump out of range from insn 1 to 6
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	if r0 > 3 goto +4
	r0 = 2
	exit
