# scenario: TC writes skb->priority (offset 32): accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section tc
	r2 = 7
	*(u32 *)(r1 + 32) = r2
	r0 = 0
	exit
