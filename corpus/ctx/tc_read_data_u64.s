# scenario: 8-byte read of skb->data (a u32 field): rejected
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 0
# kernel-error: invalid bpf_context access off=76 size=8
# kernel-processed: 1
# kernel-version: 6.18.44
	.section tc
	r2 = *(u64 *)(r1 + 76)
	r0 = 0
	exit
