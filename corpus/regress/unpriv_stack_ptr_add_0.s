# scenario: without CAP_PERFMON even fp+0 is out of range for stack pointer arithmetic (off >= 0).
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R2 stack pointer arithmetic goes out of range, prohibited for !root; off=0
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r2 = r10
	r2 += 0
	r0 = 0
	exit
