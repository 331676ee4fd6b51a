# scenario: TC reads the low byte of skb->len (narrow ctx load): accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r0 = *(u8 *)(r1 + 0)
	exit
