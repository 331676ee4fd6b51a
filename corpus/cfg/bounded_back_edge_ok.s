# scenario: a back-edge counting r1 from 0 to 16 (privileged loops are allowed): accepted
# kernel: accept
# kernel-processed: 52
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
	r0 = 0
loop:
	r0 += r1
	r1 += 1
	if r1 < 16 goto loop
	r0 = 2
	exit
