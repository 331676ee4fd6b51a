# scenario: TC returns 100: SCHED_CLS has no return-range check: accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r0 = 100
	exit
