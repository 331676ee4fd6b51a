# scenario: a labelled block after two exits that nothing jumps to: rejected by the CFG pass
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: unreachable insn 6
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 16)
	if r0 == 0 goto zero
	r0 = 2
	exit
zero:
	r0 = 1
	exit
dead:
	r0 = 3
	exit
