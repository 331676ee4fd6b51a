# scenario: main branches on r6 (a constant) after calling a subprogram that tail-calls: the precision walk goes back through the tail call (an exit of the callee) and the callee into main, printing each frame's parent state: accepted
# kernel: accept
# kernel-processed: 13
# kernel-version: 6.18.44
	.section tc
	.map jt, type=prog_array, key=4, value=4, entries=4
	r6 = 5
	call sub
	if r6 > 3 goto out
	r0 = 1
out:
	r0 = 0
	exit
sub:
	r2 = jt ll
	r3 = 0
	call bpf_tail_call
	r0 = 0
	exit
