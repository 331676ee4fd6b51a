# scenario: call 100000, a helper id that does not exist: rejected (invalid func unknown#100000)
	.section xdp
	call 100000
out:
	r0 = 2
	exit
