# scenario: r0 = 2; if r0 == 2 goto back to the assignment: the exit is dead code in practice; rejected (infinite loop detected)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 0
# kernel-error: infinite loop detected at insn 1
# kernel-error: cur state: R0=2 R1=ctx() R10=fp0
# kernel-error: old state: R0=P2 R1=ctx() R10=fp0
# kernel-processed: 10
# kernel-version: 6.18.44
	.section xdp
top:
	r0 = 2
	if r0 == 2 goto top
	exit
