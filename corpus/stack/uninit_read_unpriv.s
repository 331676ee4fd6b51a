# scenario: 8-byte read of never-written fp-8 without CAP_PERFMON: rejected (invalid read from stack R10 off=-8 size=8)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid read from stack R10 off=-8 size=8
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r1 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
