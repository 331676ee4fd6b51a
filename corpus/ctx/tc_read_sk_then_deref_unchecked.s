# scenario: TC loads skb->sk (sock_common_or_null) and dereferences it without a null check: rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: R2 invalid mem access 'sock_common_or_null'
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r2 = *(u64 *)(r1 + 168)
	r0 = *(u32 *)(r2 + 4)
	exit
