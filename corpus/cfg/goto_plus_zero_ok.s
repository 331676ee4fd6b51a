# scenario: goto +0 (a no-op jump) then exit: accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	goto +0
	exit
