# scenario: TC reads skb->len (offset 0): accepted
# kernel: accept
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r0 = *(u32 *)(r1 + 0)
	exit
