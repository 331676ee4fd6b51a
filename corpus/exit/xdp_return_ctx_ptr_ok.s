# scenario: XDP returns the ctx pointer (privileged loader may leak pointers): accepted
	.section xdp
	r0 = r1
	exit
