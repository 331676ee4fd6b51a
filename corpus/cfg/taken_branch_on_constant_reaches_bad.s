# scenario: if r1 == 0 with r1 = 0 is always taken, and its target dereferences the scalar: rejected (R1 invalid mem access 'scalar')
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 4
# kernel-error: R1 invalid mem access 'scalar'
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	if r1 == 0 goto bad
	r0 = 2
	exit
bad:
	r0 = *(u32 *)(r1 + 0)
	exit
