# scenario: same byte store into a slot holding a spilled pointer without CAP_PERFMON: rejected (attempt to corrupt spilled pointer on stack)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: attempt to corrupt spilled pointer on stack
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = r1
	*(u8 *)(r10 - 4) = 0
	r2 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
