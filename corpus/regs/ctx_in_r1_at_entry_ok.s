# scenario: R1 holds the xdp_md ctx at entry; reading rx_queue_index through it: accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section xdp
	r0 = *(u32 *)(r1 + 16)
	exit
