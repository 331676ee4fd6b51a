# scenario: TC writes a byte of skb data after a range check (direct packet write): accepted
# kernel: accept
# kernel-processed: 10
# kernel-version: 6.18.44
	.section tc
	r2 = *(u32 *)(r1 + 76)		# skb->data
	r3 = *(u32 *)(r1 + 80)		# skb->data_end
	r4 = r2
	r4 += 1
	if r4 > r3 goto out
	*(u8 *)(r2 + 0) = 0
out:
	r0 = 2
	exit
