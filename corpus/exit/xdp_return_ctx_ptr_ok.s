# scenario: XDP returns the ctx pointer (privileged loader may leak pointers): accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r0 = r1
	exit
