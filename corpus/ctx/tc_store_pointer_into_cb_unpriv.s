# scenario: same store of a stack pointer into skb->cb[1] by an unprivileged loader: rejected (R2 leaks addr into ctx)
# profile: unprivileged
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R2 leaks addr into ctx
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r2 = r10
	*(u32 *)(r1 + 52) = r2
	r0 = 0
	exit
