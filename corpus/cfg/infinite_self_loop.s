# scenario: if r1 == 0 goto -1 with r1 known 0 loops on itself: rejected (infinite loop detected)
	.section xdp
	r1 = 0
	if r1 == 0 goto -1
	r0 = 2
	exit
