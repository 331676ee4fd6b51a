# scenario: two nested 6-iteration loops: accepted
# kernel: accept
# kernel-processed: 129
# kernel-version: 6.18.44
	.section xdp
	r0 = 0
	r1 = 0
outer:
	r2 = 0
inner:
	r0 += 1
	r2 += 1
	if r2 < 6 goto inner
	r1 += 1
	if r1 < 6 goto outer
	exit
