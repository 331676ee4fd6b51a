# scenario: TC reads skb data after proving 34 bytes: accepted
# kernel: accept
# kernel-processed: 10
# kernel-version: 6.18.44
	.section tc
	r2 = *(u32 *)(r1 + 76)		# skb->data
	r3 = *(u32 *)(r1 + 80)		# skb->data_end
	r4 = r2
	r4 += 34
	if r4 > r3 goto out
	r0 = *(u32 *)(r2 + 30)
out:
	r0 = 2
	exit
