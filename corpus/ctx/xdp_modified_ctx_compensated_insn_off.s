# scenario: r1 += 8 then a load at -8: the register offset is non-zero, so still rejected (modified ctx ptr)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: dereference of modified ctx ptr R1 off=8 disallowed
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r1 += 8
	r0 = *(u32 *)(r1 - 8)
	exit
