# scenario: bpf_tail_call with an unknown index from the ctx: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	.map jmp_table, type=prog_array, key=4, value=4, entries=8
	r3 = *(u32 *)(r1 + 16)
	r2 = jmp_table ll
	call bpf_tail_call
out:
	r0 = 2
	exit
