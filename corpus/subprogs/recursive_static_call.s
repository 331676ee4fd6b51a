# scenario: a static subprogram that calls itself: rejected (recursion / back-edge in the call graph)
# kernel: reject
# kernel-errno: E2BIG
# kernel-insn: 3
# kernel-error: the call stack of 9 frames is too deep
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	call rec
	r0 = 2
	exit
rec:
	call rec
	r0 = 0
	exit
