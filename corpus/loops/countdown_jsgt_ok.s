# scenario: for (i = 20; i > 0; i--) with a signed compare: accepted
# kernel: accept
# kernel-processed: 63
# kernel-version: 6.18.44
	.section xdp
	r1 = 20
	r0 = 0
loop:
	r0 += 1
	r1 -= 1
	if r1 s> 0 goto loop
	exit
