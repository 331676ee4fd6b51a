# scenario: TC writes skb->len: read-only field, rejected (invalid bpf_context access)
# kernel: reject
# kernel-errno: EACCES
# kernel-insn: 1
# kernel-error: invalid bpf_context access off=0 size=4
# kernel-processed: 2
# kernel-version: 6.18.44
	.section tc
	r2 = 0
	*(u32 *)(r1 + 0) = r2
	r0 = 0
	exit
