# scenario: TC loads skb->sk, null-checks it, reads sk->family (offset 0): accepted
# kernel: accept
# kernel-processed: 6
# kernel-version: 6.18.44
	.section tc
	r2 = *(u64 *)(r1 + 168)
	r0 = 0
	if r2 == 0 goto out
	r0 = *(u32 *)(r2 + 0)
out:
	exit
