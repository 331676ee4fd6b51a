# scenario: r3 ^= r3 on an uninitialised register (a zeroing idiom, still a read): rejected
	.section xdp
	r3 ^= r3
	r0 = r3
	exit
