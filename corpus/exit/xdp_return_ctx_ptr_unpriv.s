# scenario: XDP returns the ctx pointer, loader without CAP_PERFMON: rejected (R0 leaks addr as return value)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R0 leaks addr as return value
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r0 = r1
	exit
