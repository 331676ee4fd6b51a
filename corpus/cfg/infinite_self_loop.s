# scenario: if r1 == 0 goto -1 with r1 known 0 loops on itself: rejected (infinite loop detected)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 1
# kernel-error: infinite loop detected at insn 1
# kernel-error: cur state: R1=0 R10=fp0
# kernel-error: old state: R1=P0 R10=fp0
# kernel-processed: 9
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	if r1 == 0 goto -1
	r0 = 2
	exit
