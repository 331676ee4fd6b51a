# scenario: write fp-8, read fp-16 (never allocated) without CAP_PERFMON: rejected
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: invalid read from stack R10 off=-16 size=8
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	*(u64 *)(r10 - 8) = 0
	r1 = *(u64 *)(r10 - 16)
	r0 = 2
	exit
