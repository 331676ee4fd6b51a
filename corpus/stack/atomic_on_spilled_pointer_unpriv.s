# scenario: atomic add into a slot holding a spilled ctx pointer without CAP_PERFMON: rejected
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 2
# kernel-error: leaking pointer from stack off -8
# kernel-processed: 3
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r1
	r2 = 1
	lock *(u64 *)(r10 - 8) += r2
	r0 = 2
	exit
