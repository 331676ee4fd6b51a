# scenario: writing an uninitialised register before reading it (r4 = 0; r4 += 1): accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section xdp
	r4 = 0
	r4 += 1
	r0 = r4
	exit
