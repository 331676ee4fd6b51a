# scenario: r1 += 4 then a load at +0: rejected (dereference of modified ctx ptr R1 off=4 disallowed)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: dereference of modified ctx ptr R1 off=4 disallowed
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r1 += 4
	r0 = *(u32 *)(r1 + 0)
	exit
