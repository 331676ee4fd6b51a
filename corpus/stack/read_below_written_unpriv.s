# scenario: write fp-8, read fp-16 (never allocated) without CAP_PERFMON: rejected
# profile: unprivileged
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = *(u64 *)(r10 - 16)
	r0 = 2
	exit
