# scenario: BPF_ST immediate store into skb->mark (allowed for ctx since the ST-to-ctx restriction was lifted): accepted
# kernel: accept
# kernel-processed: 3
# kernel-version: 6.18.44
	.section tc
	*(u32 *)(r1 + 8) = 1
	r0 = 0
	exit
