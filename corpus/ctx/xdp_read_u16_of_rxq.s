# scenario: 2-byte read of rx_queue_index: xdp_md allows only full 4-byte reads: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=16 size=2
# kernel-processed: 1
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u16 *)(r1 + 16)
	exit
