# scenario: bpf_tail_call with a hash map: rejected (cannot pass map_type 1 into func bpf_tail_call)
# kernel: reject
# kernel-errno: EINVAL
# kernel-insn: 3
# kernel-error: expected prog array map for tail callprocessed 3 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
# kernel-processed: 0
# kernel-version: 6.18.44
	.section xdp
	.map hm, type=hash, key=4, value=4, entries=8
	r2 = hm ll
	r3 = 1
	call bpf_tail_call
out:
	r0 = 2
	exit
