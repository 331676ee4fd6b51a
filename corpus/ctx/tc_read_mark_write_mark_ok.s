# scenario: TC reads skb->mark, increments it and writes it back: accepted
# kernel: accept
# kernel-processed: 5
# kernel-version: 6.18.44
	.section tc
	r2 = *(u32 *)(r1 + 8)
	r2 += 1
	*(u32 *)(r1 + 8) = r2
	r0 = 0
	exit
