# scenario: bpf_trace_printk with an 8-byte format on the stack: accepted
# kernel: accept
# kernel-processed: 8
# kernel-version: 6.18.44
	.section xdp
	r1 = 0x0a6f6c6c6568 ll
	*(u64 *)(r10 - 8) = r1
	r1 = r10
	r1 += -8
	r2 = 8
	call bpf_trace_printk
out:
	r0 = 2
	exit
