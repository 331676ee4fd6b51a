# scenario: r1 += 0; if r1 < 10 goto back: the state never changes: rejected (infinite loop detected)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 2
# kernel-error: infinite loop detected at insn 1
# kernel-error: cur state: R1=0 R10=fp0
# kernel-error: old state: R1=P0 R10=fp0
# kernel-processed: 10
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
back:
	r1 += 0
	if r1 < 10 goto back
	r0 = 2
	exit
