# scenario: bpf_tail_call with a hash map: rejected (cannot pass map_type 1 into func bpf_tail_call)
	.section xdp
	.map hm, type=hash, key=4, value=4, entries=8
	r2 = hm ll
	r3 = 1
	call bpf_tail_call
out:
	r0 = 2
	exit
