# scenario: XDP returns 100 (no such action): the verifier does not check: accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r0 = 100
	exit
