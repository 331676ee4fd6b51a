# scenario: TC reads the 8-byte skb->tstamp (offset 152): accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r0 = *(u64 *)(r1 + 152)
	exit
