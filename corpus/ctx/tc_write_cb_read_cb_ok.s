# scenario: TC stores into skb->cb[0] and reads skb->cb[4]: accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section tc
	r2 = 9
	*(u32 *)(r1 + 48) = r2
	r0 = *(u32 *)(r1 + 64)
	exit
