# scenario: the last instruction is a mov, so execution could fall off the end: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: last insn is not an exit or jmp
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 12)
	if r0 == 0 goto +1
	exit
	r0 = 2
