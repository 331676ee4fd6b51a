# scenario: the kernel checks the memory access before save_aux_ptr_type ("same insn cannot be
# scenario: used with different pointers"): a scalar reaching an insn first seen with ctx gets
# scenario: "R2 invalid mem access 'scalar'" (check_mem_access), not the aux-type error.
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 6
# kernel-error: R2 invalid mem access 'scalar'
# kernel-processed: 10
# kernel-version: 6.18.44
	.section tc
	r6 = r1
	call bpf_get_prandom_u32
	r3 = 7
	r2 = 0
	if r0 == 0 goto use
	r2 = r6
use:
	r3 = *(u32 *)(r2 + 8)
	r0 = 0
	exit
