# scenario: found by the fuzzer: without CAP_PERFMON a stack pointer moved to fp+256 is out of
# scenario: range at the ALU insn itself (check_stack_access_for_ptr_arithmetic).
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R4 stack pointer arithmetic goes out of range, prohibited for !root; off=256
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r4 = r10
	r4 += 256
	exit
