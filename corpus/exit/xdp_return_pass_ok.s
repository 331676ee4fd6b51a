# scenario: XDP returns XDP_PASS (2): accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r0 = 2
	exit
