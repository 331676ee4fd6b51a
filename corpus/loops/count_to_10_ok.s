# scenario: for (i = 0; i < 10; i++) sum += i: accepted
# kernel: accept
# kernel-processed: 33
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	r0 = 0
loop:
	r0 += r1
	r1 += 1
	if r1 < 10 goto loop
	exit
