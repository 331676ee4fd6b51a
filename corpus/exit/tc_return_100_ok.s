# scenario: TC returns 100: SCHED_CLS has no return-range check: accepted
	.section tc
	r0 = 100
	exit
