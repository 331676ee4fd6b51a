# scenario: TC stores the low 32 bits of a stack pointer into skb->cb[1] (privileged): accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section tc
	r2 = r10
	*(u32 *)(r1 + 52) = r2
	r0 = 0
	exit
