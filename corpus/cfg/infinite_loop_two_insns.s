# scenario: r1 += 0; if r1 < 10 goto back: the state never changes: rejected (infinite loop detected)
	.section xdp
	r1 = 0
back:
	r1 += 0
	if r1 < 10 goto back
	r0 = 2
	exit
