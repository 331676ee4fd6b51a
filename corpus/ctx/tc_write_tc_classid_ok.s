# scenario: TC writes skb->tc_classid (offset 72): accepted
# kernel: accept
# kernel-processed: 4
# kernel-version: 6.18.44
	.section tc
	r2 = 0x10001
	*(u32 *)(r1 + 72) = r2
	r0 = 0
	exit
