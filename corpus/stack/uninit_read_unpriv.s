# scenario: 8-byte read of never-written fp-8 without CAP_PERFMON: rejected (invalid read from stack R10 off=-8 size=8)
# profile: unprivileged
	.section xdp
	r1 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
