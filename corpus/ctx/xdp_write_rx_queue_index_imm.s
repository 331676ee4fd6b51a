# scenario: immediate store into xdp_md->rx_queue_index: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=16 size=4
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	*(u32 *)(r1 + 16) = 1
	r0 = 2
	exit
