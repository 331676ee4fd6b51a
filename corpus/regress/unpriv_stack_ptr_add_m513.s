# scenario: without CAP_PERFMON fp-513 is below the stack: rejected at the ALU insn.
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R2 stack pointer arithmetic goes out of range, prohibited for !root; off=-513
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r2 = r10
	r2 += -513
	r0 = 0
	exit
