# scenario: bpf_tail_call(ctx, prog_array, 1) then fall back to XDP_PASS: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section xdp
	.map jmp_table, type=prog_array, key=4, value=4, entries=8
	r2 = jmp_table ll
	r3 = 1
	call bpf_tail_call
out:
	r0 = 2
	exit
