# scenario: a 20000-iteration counting loop (well under the 1M budget): accepted
# kernel: accept
# kernel-processed: 40003
# kernel-version: 6.18.44
	.section xdp
	r1 = 0
loop:
	r1 += 1
	if r1 < 20000 goto loop
	r0 = 2
	exit
