# scenario: XDP returns the ctx pointer, loader without CAP_PERFMON: rejected (R0 leaks addr as return value)
# profile: unprivileged
	.section xdp
	r0 = r1
	exit
