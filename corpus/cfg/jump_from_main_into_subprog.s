# scenario: a goto from main to a label inside a called subprogram: jumps may not cross function boundaries: rejected
# kernel: reject
# kernel-errno: EINVAL
# kernel-error: jump out of range from insn 2 to 6
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	call sub
	if r0 == 0 goto inside
	r0 = 2
	exit
sub:
	r0 = 0
inside:
	r0 = 1
	exit
