# scenario: XDP returns -1: XDP has no return-range check on 6.18: accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r0 = -1
	exit
