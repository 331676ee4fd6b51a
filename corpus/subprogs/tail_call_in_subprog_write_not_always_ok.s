# scenario: a static subprogram tail-calls (an exit of the subprogram) or else writes the caller's fp-8: not a write on every path, so fp-8 stays live across the call and is read after it: accepted
# kernel: accept
# kernel-processed: 15
# kernel-version: 6.18.44
	.section tc
	.map jt, type=prog_array, key=4, value=4, entries=4
	*(u64 *)(r10 - 8) = 0
	r2 = r10
	r2 += -8
	call sub
	r0 = *(u64 *)(r10 - 8)
	r0 = 0
	exit
sub:
	r6 = r2
	r2 = jt ll
	r3 = 0
	call bpf_tail_call
	*(u64 *)(r6 + 0) = 0
	r0 = 0
	exit
