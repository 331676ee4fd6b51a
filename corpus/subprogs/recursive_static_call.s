# scenario: a static subprogram that calls itself: rejected (recursion / back-edge in the call graph)
	.section xdp
	call rec
	r0 = 2
	exit
rec:
	call rec
	r0 = 0
	exit
