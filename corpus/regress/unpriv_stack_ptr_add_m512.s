# scenario: without CAP_PERFMON fp-512 is the lowest in-range stack pointer: accepted.
# profile: unprivileged
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section tc
	r2 = r10
	r2 += -512
	r0 = 0
	exit
