# scenario: as dead_caller_slot_pruned_at_callee_entry_ok but main reads fp-8 after the call: live after the call site, so no pruning at f's entry: accepted
# kernel: accept
# kernel-processed: 38
# kernel-version: 6.18.44
	.section xdp
	r6 = r1
	r7 = 1
	r8 = 2
	call bpf_get_prandom_u32
	r9 = r0
	if r0 > 7 goto other
	*(u64 *)(r10 - 8) = r6
	goto join
other:
	r1 = 42
	*(u64 *)(r10 - 8) = r1
join:
	r1 = r9
	call f
	r0 = *(u64 *)(r10 - 8)
	r0 = 2
	exit
f:
	r0 = r1
	r0 += 1
	if r0 > 5 goto big
	r0 = 0
big:
	exit
